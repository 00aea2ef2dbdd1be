namespace Complaints.Api.Docs;

/// <summary>Documents the problem+json responses a group of endpoints can give, so clients can generate error handling.</summary>
public static class ProblemResponses
{
    /// <summary>Every endpoint: bad input (400) and server failure (500).</summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>Endpoints behind a token: 401 without one, 403 for a role that may not call it, 429 when rate limited.</summary>
    public static TBuilder WithAuthProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithStandardProblems().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    private static TBuilder ProducesProblem<TBuilder>(this TBuilder builder, int status) where TBuilder : IEndpointConventionBuilder =>
        OpenApiRouteHandlerBuilderExtensions.ProducesProblem(builder, status);
}
