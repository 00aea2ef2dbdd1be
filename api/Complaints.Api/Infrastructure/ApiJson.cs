using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Complaints.Domain.Cases;

namespace Complaints.Api.Infrastructure;

public static class ApiJson
{
    /// <summary>api.md: camelCase properties, enums as snake_case strings.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(new WireNamingPolicy(), allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        options.TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(ControlCharacterContract.Modify);
    }

    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
}

/// <summary>The domain's wire names (<c>Phone12345</c> → <c>phone_12345</c>), so JSON and timeline details agree.</summary>
internal sealed class WireNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => WireNames.OfName(name);
}
