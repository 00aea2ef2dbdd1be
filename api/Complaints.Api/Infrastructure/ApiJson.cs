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
        // One rule for absent values (issue #10): null is never written; such properties are optional in the contract.
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Numbers are JSON numbers, read and written: the web default also accepts "12" for 12, which made every
        // number in the contract `integer|string`.
        options.NumberHandling = JsonNumberHandling.Strict;
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
