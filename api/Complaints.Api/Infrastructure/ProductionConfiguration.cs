namespace Complaints.Api.Infrastructure;

/// <summary>
/// Outside Development the service refuses to start with missing or weak security configuration, naming every setting
/// at fault, instead of starting and answering 500 to every request: the identity platform (<c>Auth:Authority</c>,
/// <c>Auth:Issuer</c>), the personal-data keys (<c>Privacy:ActiveKeyId</c>, <c>Privacy:Keys:{id}</c>,
/// <c>Privacy:BlindIndexKey</c>: 32 random bytes each, not the Development keys) and, when notices go to the webhook
/// gateway, its https URL and secret.
/// </summary>
public static class ProductionConfiguration
{
    /// <summary>The keys committed in appsettings.Development.json: never acceptable elsewhere.</summary>
    private static readonly string[] DevelopmentKeys =
        ["ZGV2ZWxvcG1lbnQtb25seS1hZXMta2V5LTAwMDAwMDE=", "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS0wMDAwMDE="];

    public static WebApplicationBuilder RequireSecureConfiguration(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() && Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(
                $"Refusing to start in {builder.Environment.EnvironmentName}: security configuration is missing or weak:\n  - "
                + string.Join("\n  - ", problems));
        }

        return builder;
    }

    public static List<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var authority = configuration["Auth:Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            problems.Add("Auth:Authority is not set (the identity platform whose JWKS signs tokens).");
        }
        else if (!authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Auth:Authority must be an https URL.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Auth:Issuer"]))
        {
            problems.Add("Auth:Issuer is not set.");
        }

        var active = configuration["Privacy:ActiveKeyId"];
        if (string.IsNullOrWhiteSpace(active))
        {
            problems.Add("Privacy:ActiveKeyId is not set.");
        }
        else
        {
            CheckKey(configuration[$"Privacy:Keys:{active}"], $"Privacy:Keys:{active}", problems);
        }

        foreach (var key in configuration.GetSection("Privacy:Keys").GetChildren().Where(k => k.Key != active))
        {
            CheckKey(key.Value, $"Privacy:Keys:{key.Key}", problems);
        }

        CheckKey(configuration["Privacy:BlindIndexKey"], "Privacy:BlindIndexKey", problems);

        if (string.Equals(configuration["Notifications:Sender"], "webhook", StringComparison.OrdinalIgnoreCase))
        {
            if (configuration["Notifications:Webhook:Url"] is not { } url || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Notifications:Webhook:Url must be an https URL when Notifications:Sender is webhook.");
            }

            if ((configuration["Notifications:Webhook:Secret"]?.Length ?? 0) < 32)
            {
                problems.Add("Notifications:Webhook:Secret must be at least 32 characters when Notifications:Sender is webhook.");
            }
        }

        return problems;
    }

    private static void CheckKey(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is not set.");
            return;
        }

        if (DevelopmentKeys.Contains(value))
        {
            problems.Add($"{name} is the Development key.");
            return;
        }

        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(value, bytes, out var length) || length != 32)
        {
            problems.Add($"{name} must be base64 of 32 bytes (256 bits).");
        }
        else if (bytes.AsSpan(0, 32).IndexOfAnyExcept(bytes[0]) < 0)
        {
            problems.Add($"{name} is a constant byte string, not a random key.");
        }
    }
}
