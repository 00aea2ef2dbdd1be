using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Complaints.Domain.Common;

namespace Complaints.Domain.Calendar;

/// <summary>
/// Reads and writes the holiday-cn JSON format (github NateScarlet/holiday-cn, <c>schema.json</c>):
/// <c>{ "year": 2026, "papers": ["…"], "days": [ { "name": "春节", "date": "2026-02-15", "isOffDay": true } ] }</c>.
/// Parsing walks a <see cref="JsonDocument"/> by hand rather than binding to a type, so that every
/// malformed upload yields a precise Chinese message instead of a serializer exception.
/// </summary>
public static class HolidayCnFormat
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 8,
    };

    // Keeps holiday names readable in the output; the text is a data file, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Result<YearSchedule> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            return Invalid($"JSON 格式错误:{ex.Message}");
        }
    }

    public static string ToJson(YearSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", schedule.Year);
            writer.WriteStartArray("papers");
            foreach (var paper in schedule.Papers)
            {
                writer.WriteStringValue(paper);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("days");
            foreach (var day in schedule.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("name", day.Name);
                writer.WriteString("date", YearSchedule.Format(day.Date));
                writer.WriteBoolean("isOffDay", day.IsOffDay);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Result<YearSchedule> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("顶层应为 JSON 对象。");
        }

        if (!root.TryGetProperty("year", out var yearElement) || yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var year))
        {
            return Invalid("缺少整数字段 year。");
        }

        var papers = new List<string>();
        if (root.TryGetProperty("papers", out var papersElement) && papersElement.ValueKind != JsonValueKind.Null)
        {
            if (papersElement.ValueKind != JsonValueKind.Array)
            {
                return Invalid("字段 papers 应为字符串数组。");
            }

            foreach (var paper in papersElement.EnumerateArray())
            {
                if (paper.ValueKind != JsonValueKind.String)
                {
                    return Invalid("字段 papers 应为字符串数组。");
                }

                papers.Add(paper.GetString()!);
            }
        }

        if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
        {
            return Invalid("缺少数组字段 days。");
        }

        var days = new List<ScheduleDay>();
        var index = 0;
        foreach (var item in daysElement.EnumerateArray())
        {
            index++;
            var day = ReadDay(item, index);
            if (!day.IsSuccess)
            {
                return day.Error!;
            }

            days.Add(day.Value);
        }

        return YearSchedule.Create(year, days, papers);
    }

    private static Result<ScheduleDay> ReadDay(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"days 第 {index} 项应为对象。");
        }

        if (!item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return Invalid($"days 第 {index} 项缺少字符串字段 name。");
        }

        if (!item.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Invalid($"days 第 {index} 项的 date 应为 yyyy-MM-dd 格式的日期。");
        }

        if (!item.TryGetProperty("isOffDay", out var isOffDay) || isOffDay.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Invalid($"days 第 {index} 项缺少布尔字段 isOffDay。");
        }

        return new ScheduleDay(parsed, name.GetString()!, isOffDay.GetBoolean());
    }

    private static DomainError Invalid(string detail) => DomainError.Invalid(CalendarErrors.InvalidJson, "节假日安排文件无效:" + detail);
}
