using System.Text;

namespace Complaints.Domain.Cases;

/// <summary>
/// snake_case names as on the wire (api.md), used in error messages and timeline details so that
/// both read the same as the JSON. A digit run is its own word: Phone12345 → phone_12345.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => OfName(value.ToString());

    /// <summary>snake_case of a PascalCase member name, with digit runs as their own word.</summary>
    public static string OfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && (char.IsUpper(c) || (char.IsAsciiDigit(c) && !char.IsAsciiDigit(name[i - 1])));
            if (startsWord)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The member whose wire name is <paramref name="value"/> (exactly: wire names are lower case).</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }
}
