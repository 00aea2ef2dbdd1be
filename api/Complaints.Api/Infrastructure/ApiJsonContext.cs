using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Domain.Cases;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Source-generated serialization for the hottest requests and responses (the agency queue, the public
/// lookup, my complaints; a queue page is 50 items), with the same
/// settings as <see cref="ApiJson"/>: the generated code writes each property directly instead of going
/// through reflection-built accessors. Every other type falls through to the reflection resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WireEnumConverter<ComplaintStatus>), typeof(WireEnumConverter<Channel>), typeof(WireEnumConverter<Classification>),
        typeof(WireEnumConverter<TimelineEventKind>), typeof(WireEnumConverter<Finding>)])]
[JsonSerializable(typeof(Page<CaseQueueItem>))]
[JsonSerializable(typeof(LookupRequest))]
[JsonSerializable(typeof(PublicStatusView))]
[JsonSerializable(typeof(Page<MyComplaintSummary>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>An enum as its wire names (api.md), as a converter the source generator can instantiate.</summary>
internal sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(new WireNamingPolicy(), allowIntegerValues: false)
    where TEnum : struct, Enum;
