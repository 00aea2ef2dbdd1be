using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Complaints.Api.Idempotency;
using Complaints.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Complaints.Api.Docs;

/// <summary>Endpoint metadata: a state-changing case action that honours <c>If-Match</c> and answers with the case's new <c>ETag</c>.</summary>
public sealed record HonoursIfMatch;

/// <summary>Endpoint metadata: the 200 response carries an <c>ETag</c> (and the endpoint answers 304 to <c>If-None-Match</c> when it says so).</summary>
public sealed record SendsETag;

/// <summary>
/// What makes the generated document a contract a generated client can trust (issue #10): one problem schema for
/// every error, the headers the service really reads and writes, security stated on every operation, and one rule
/// for absent values (see <see cref="AbsentValues"/>).
/// </summary>
internal static class ContractTransformers
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemJson = "application/problem+json";

    /// <summary>The statuses a client can meet on any operation: the database may be down (503), a bug answers 500.</summary>
    // 415 too: RequestHygieneMiddleware refuses a charset other than UTF-8 on any request that names one.
    private static readonly int[] EveryOperation = [400, 415, 500, 503];

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Directory"] = "行政区划与政务服务机构目录(匿名可用)。Divisions and agencies.",
        ["Calendar"] = "工作日日历与期限计算。Working-day calendar and deadlines.",
        ["Me"] = "当前用户。The caller.",
        ["Complaints"] = "投诉人一侧:提交、查询、补充材料、评价、撤回。The complainant's side.",
        ["Evidence"] = "证明材料的上传与读取。Evidence files.",
        ["Cases"] = "机构与管理部门一侧:队列、交办、受理、办理、办结。Casework.",
        ["Documents"] = "附件文书:交办单、告知书、登记表。The annex forms.",
        ["Supervision"] = "监督:抽查(第十六条)。Supervision: spot checks.",
        ["Reports"] = "统计与报告(第十八条)。Statistics and reports.",
        ["Administration"] = "管理:日历、审计校验。Administration.",
        ["Labels"] = "枚举值的中文显示名称。Display labels.",
    };

    public static void Apply(OpenApiOptions options)
    {
        // Two enums share a name: the request's accept/not_accept and the registration form's outcome.
        options.CreateSchemaReferenceId = type => type.Type == typeof(Domain.Cases.AcceptanceDecision)
            ? "AcceptanceOutcome"
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            AbsentValues.Apply(schema, context);
            LabelEnum(schema, context.JsonTypeInfo.Type);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = !metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any();
            OperationDocs.Apply(operation);
            RequestExamples.Apply(operation);
            DeclareHeaders(operation, metadata, context.Document!);
            DeclareProblems(operation, anonymous, metadata.OfType<SpendsBudgetAttribute>().Any(), context.Document!);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = Problem();
            // The evidence download's Stream result leaves an unused schema behind; the response is declared as bytes.
            document.Components.Schemas.Remove("Stream");
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            AbsentValues.Apply(document);
            return Task.CompletedTask;
        });
    }

    /// <summary>zh-CN labels of an enum's values, in the order of <c>enum</c> (the <c>x-enum-descriptions</c> convention of generators).</summary>
    private static void LabelEnum(OpenApiSchema schema, Type type)
    {
        if (schema.Enum is not { Count: > 0 } values || Labels.EnumLabels.For(type) is not { } labels)
        {
            return;
        }

        var descriptions = new JsonArray();
        foreach (var value in values)
        {
            var wire = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
            descriptions.Add(wire is null ? null : labels.GetValueOrDefault(wire, wire));
        }

        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(descriptions);
        schema.Description = "取值及中文名称(亦见 GET /api/v1/labels):" + string.Join(";", labels.Select(l => $"`{l.Key}` {l.Value}"));
    }

    private static void DeclareHeaders(OpenApiOperation operation, IList<object> metadata, OpenApiDocument document)
    {
        operation.Parameters ??= [];
        var idempotent = metadata.OfType<IdempotentAttribute>().Any();
        var budget = metadata.OfType<SpendsBudgetAttribute>().FirstOrDefault();
        if (idempotent)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "幂等键(1 至 128 个字符,建议 UUID)。同一键与相同请求体的重试返回首次的响应(带 Idempotent-Replayed: true),不会重复创建;"
                    + "同一键用于不同请求体时返回 422。Idempotency key: a retry with the same key and body replays the first response.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 128 },
            });
        }

        if (metadata.OfType<HonoursIfMatch>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "读取案件时得到的 ETag;案件已被他人修改时返回 412,避免覆盖他人的操作。The case's ETag from the last read; 412 when it changed since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete || !int.TryParse(code, out var status))
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status is >= 200 and < 300)
            {
                if (status == 201)
                {
                    concrete.Headers["Location"] = Header("新建资源的地址。The created resource's URL.", required: true);
                }

                if (metadata.OfType<SendsETag>().Any() || metadata.OfType<HonoursIfMatch>().Any())
                {
                    concrete.Headers["ETag"] = Header("案件当前版本的实体标签,用于之后操作的 If-Match。The case version, for If-Match.", required: true);
                }

                if (idempotent)
                {
                    concrete.Headers["Idempotent-Replayed"] = Header("值为 true 时,此响应是同一 Idempotency-Key 首次请求的重放。`true` when this response replays the first one of the key.");
                }
            }

            // A non-JSON representation (PDF, HTML, CSV, XLSX, images) is a string of text or bytes, not the JSON type.
            foreach (var (mediaType, media) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (!mediaType.Contains("json", StringComparison.Ordinal))
                {
                    media.Schema = mediaType.StartsWith("text/", StringComparison.Ordinal)
                        ? new OpenApiSchema { Type = JsonSchemaType.String }
                        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }

            if (budget is not null && (status is >= 200 and < 300 || status == 429))
            {
                concrete.Headers[RateLimits.PolicyHeader] = new OpenApiHeader
                {
                    Description = $"此操作的配额策略(IETF RateLimit 头部草案):`\"{budget.Policy}\";q=每个窗口的次数;w=窗口秒数`。"
                        + "The quota policy (draft-ietf-httpapi-ratelimit-headers): permits q per window of w seconds.",
                    Required = false, // absent from an idempotent replay, which spends nothing
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[a-z]+\";q=[0-9]+;w=[0-9]+$" },
                    Example = JsonValue.Create($"\"{budget.Policy}\";q={RateLimitOptions.DefaultPermits(budget.Policy)};w=60"),
                };
                concrete.Headers[RateLimits.StateHeader] = new OpenApiHeader
                {
                    Description = "本次请求后配额的剩余次数 r 与距窗口重置的秒数 t。Remaining permits r after this request and seconds t until the window resets.",
                    Required = false,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[a-z]+\";r=[0-9]+;t=[0-9]+$" },
                    Example = JsonValue.Create($"\"{budget.Policy}\";r={RateLimitOptions.DefaultPermits(budget.Policy) - 1};t=42"),
                };
            }

            if (status is 429 or 503)
            {
                concrete.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "建议在多少秒后重试。Seconds to wait before retrying.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
            }

            if (concrete.Headers.Count == 0)
            {
                concrete.Headers = null;
            }
        }
    }

    private static OpenApiHeader Header(string description, bool required = false) =>
        new() { Description = description, Required = required, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>Every non-2xx response is problem+json with the one <c>ProblemDetails</c> schema.</summary>
    private static void DeclareProblems(OpenApiOperation operation, bool anonymous, bool rateLimited, OpenApiDocument document)
    {
        operation.Responses ??= new OpenApiResponses();
        var statuses = new List<int>(EveryOperation);
        if (!anonymous)
        {
            statuses.AddRange([401, 403]);
        }

        if (rateLimited)
        {
            statuses.Add(429);
        }

        if (operation.RequestBody is not null)
        {
            // Any body may be too large or of a type or charset the service does not read.
            statuses.Add(413);
        }

        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        foreach (var (code, response) in operation.Responses.ToList())
        {
            if (!int.TryParse(code, out var status) || status < 400 || response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Description = ProblemDescription(status);
            concrete.Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            };
        }

        // Sorted by status so that the document reads in order and diffs stay small.
        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (code, response) in sorted)
        {
            operation.Responses[code] = response;
        }

        if (anonymous)
        {
            // An empty requirement list says "no authentication" explicitly instead of inheriting a default.
            operation.Security = [];
        }
    }

    private static string ProblemDescription(int status) => status switch
    {
        400 => "请求无效:errors 按 JSON 路径列出每个有误的字段。Bad request; `errors` lists every field at fault.",
        401 => "未提供令牌或令牌无效。Missing or invalid bearer token.",
        403 => "调用者的角色或辖区无权执行此操作。The caller may not do this.",
        404 => "资源不存在,或调用者无权知道其存在。Not found (or not visible to the caller).",
        406 => "不支持所请求的表示(Accept)。Not acceptable.",
        409 => "与资源当前状态冲突,如法规不允许的状态变更;code 说明原因。Conflict with the resource's state.",
        412 => "If-Match 与当前 ETag 不符:请重新读取后再操作。The case changed since it was read.",
        413 => "请求内容过大。Payload too large.",
        415 => "不支持的内容类型。Unsupported media type.",
        422 => "请求格式正确但无法处理,如 Idempotency-Key 被用于不同的请求体。Unprocessable.",
        429 => "请求过于频繁:按 Retry-After 等待后重试。Rate limited; wait Retry-After seconds.",
        503 => "依赖的服务(数据库等)暂不可用:按 Retry-After 等待后重试。A dependency is down; retry later.",
        _ => "服务器内部错误。Server error.",
    };

    /// <summary>RFC 9457 problem details with this service's extensions, the only error body it writes.</summary>
    private static OpenApiSchema Problem()
    {
        var codes = new JsonArray();
        foreach (var (code, _) in ErrorCodes.Documented)
        {
            codes.Add(code);
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 问题详情(application/problem+json):每个错误响应都使用此结构。`code` 是稳定的机器码,`title`/`detail` 为中文说明。"
                + "RFC 9457 problem details; every error response uses it.",
            Required = new HashSet<string> { "type", "title", "status", "instance", "code", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "问题类型的 URI 引用。A URI reference identifying the problem type." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "问题的简短中文说明。A short human summary, in Chinese." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "HTTP 状态码。The HTTP status." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "本次错误的中文详细说明。An explanation of this occurrence, in Chinese." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "出错请求的路径。The request path." },
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Pattern = "^[a-z0-9_]+(\\.[a-z0-9_*]+)+$",
                    Description = "稳定的机器可读错误码,客户端据此分支处理(列出的为通用码;领域规则另有 complaint.* 等码)。Stable machine code. General codes:\n"
                        + string.Join("\n", ErrorCodes.Documented.Select(c => $"- `{c.Code}`: {c.Meaning}")),
                    Examples = [JsonValue.Create(ErrorCodes.Validation)],
                },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "字段错误:键为字段的 JSON 路径(如 `respondent.agencyId`),值为该字段的全部错误信息。Field path → messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "追踪标识,报告问题时请提供。Trace id to quote when reporting a problem." },
                ["article"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "违反的《云南省政务服务投诉处理办法(试行)》条款,如 `第十三条`。The article of the regulation the refusal rests on." },
            },
        };
    }
}

/// <summary>
/// The one rule for absent values: the service never writes null (<c>WhenWritingNull</c>), so a property that may be
/// absent is optional in the schema and never nullable; every other property is required. Request fields are
/// required only when the server refuses a body without them (non-nullable, or marked <see cref="RequiredAttribute"/>).
/// </summary>
internal static class AbsentValues
{
    private const string Marker = "x-required-by-attribute";

    /// <summary>Schema pass: remembers which properties carry <see cref="RequiredAttribute"/> (only visible here).</summary>
    public static void Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonTypeInfo.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            return;
        }

        var names = new JsonArray();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            {
                names.Add(property.Name);
            }
        }

        if (names.Count > 0)
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions[Marker] = new JsonNodeExtension(names);
        }
    }

    /// <summary>Document pass, on the final shapes (nullable references are <c>oneOf [null, $ref]</c> only by now).</summary>
    public static void Apply(OpenApiDocument document)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (name == ContractTransformers.ProblemSchema)
            {
                continue;
            }

            if (schema is OpenApiSchema { Enum: { Count: > 0 } values } enumeration)
            {
                // An enum used nullable somewhere is generated with a null member: null is never written, and the wire type is a string.
                enumeration.Enum = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
                enumeration.Type ??= JsonSchemaType.String;
                if (enumeration.Extensions?.TryGetValue("x-enum-descriptions", out var labels) == true && labels is JsonNodeExtension { Node: JsonArray array })
                {
                    enumeration.Extensions["x-enum-descriptions"] = new JsonNodeExtension(new JsonArray(array.Where(n => n is not null).Select(n => n!.DeepClone()).ToArray()));
                }
            }
            else if (schema is OpenApiSchema concrete)
            {
                Fix(concrete);
            }
        }
    }

    private static void Fix(OpenApiSchema schema)
    {
        if (schema.Items is OpenApiSchema items)
        {
            Fix(items);
        }

        if (schema.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        var byAttribute = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Extensions?.Remove(Marker, out var marker) == true && marker is JsonNodeExtension { Node: JsonArray names })
        {
            byAttribute.UnionWith(names.Select(n => n!.GetValue<string>()));
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, property) in properties.ToList())
        {
            var (nonNull, wasNullable) = WithoutNull(property);
            properties[name] = nonNull;
            if (nonNull is OpenApiSchema nested)
            {
                Fix(nested);
            }

            if (!wasNullable || byAttribute.Contains(name))
            {
                required.Add(name);
            }
        }

        schema.Required = required;
    }

    private static (IOpenApiSchema Schema, bool WasNullable) WithoutNull(IOpenApiSchema property)
    {
        if (property is OpenApiSchema { OneOf: { Count: 2 } oneOf } concrete && oneOf.FirstOrDefault(s => s is OpenApiSchema { Type: JsonSchemaType.Null }) is { } nullMember)
        {
            var other = oneOf.First(s => !ReferenceEquals(s, nullMember));
            if (concrete.Description is null)
            {
                return (other, true);
            }

            concrete.OneOf = null;
            concrete.AllOf = [other];
            return (concrete, true);
        }

        if (property is OpenApiSchema { Type: { } type } typed && type.HasFlag(JsonSchemaType.Null))
        {
            typed.Type = type & ~JsonSchemaType.Null;
            return (typed, true);
        }

        return (property, false);
    }
}
