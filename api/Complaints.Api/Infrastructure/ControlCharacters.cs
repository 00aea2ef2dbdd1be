using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Text a person types never holds control characters: U+0000–U+001F other than tab, line feed and carriage
/// return, DEL and the C1 block U+0080–U+009F, nor unpaired UTF-16 surrogates. They are refused at the edge, once,
/// for every string member of a JSON body (<see cref="ControlCharacterContract"/>) and every path and query value
/// (<see cref="RequestHygieneMiddleware"/>), with a 400 naming the field, instead of each endpoint checking.
/// PostgreSQL cannot store U+0000 at all (see <see cref="Persistence.StorableText"/>).
/// </summary>
public static class ControlCharacters
{
    public static bool Contains(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is >= '\u007f' and <= '\u009f')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    public static string Message(string field) => $"字段「{field}」包含不允许的控制字符。";
}

/// <summary>A JSON member holds control characters; the serializer fills in <see cref="JsonException.Path"/> (the object read).</summary>
public sealed class ControlCharacterException(string member) : JsonException($"The JSON member '{member}' holds control characters.")
{
    public string Member { get; } = member;

    /// <summary>The field as the client wrote it: the object's path and the member, e.g. <c>respondent.staffName</c>.</summary>
    public string Field
    {
        get
        {
            var parent = (Path ?? "").TrimStart('$').TrimStart('.');
            return parent.Length == 0 ? Member : $"{parent}.{Member}";
        }
    }
}

/// <summary>
/// A JSON contract modifier: every object read checks its string members (and lists of strings) once it is complete.
/// A modifier rather than a string converter, because a custom converter hides the type from the OpenAPI schemas, and
/// because records are built through their constructors (no setter to hook).
/// </summary>
public static class ControlCharacterContract
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var members = info.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || (p.PropertyType != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType))))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (members.Length == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            foreach (var (name, get) in members)
            {
                var held = get(value);
                if ((held is string text && ControlCharacters.Contains(text))
                    || (held is IEnumerable<string> texts && texts.Any(t => t is not null && ControlCharacters.Contains(t))))
                {
                    throw new ControlCharacterException(name);
                }
            }

            previous?.Invoke(value);
        };
    }
}
