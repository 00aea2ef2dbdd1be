using System.Globalization;

namespace Complaints.Api.Infrastructure;

/// <summary>api.md "Lists": cursor pagination <c>{items, nextCursor}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Clamp(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
}

/// <summary>
/// The cursor of lists ordered newest first by (received at, id): the last item's instant in UTC ticks
/// and its id. Opaque to clients; a cursor that does not parse is a 400 naming <c>cursor</c>.
/// </summary>
public static class ReceivedCursor
{
    public static string Format(DateTimeOffset receivedAt, Guid id) =>
        $"{receivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryParse(string cursor, out DateTimeOffset at, out Guid id)
    {
        var parts = cursor.Split('_');
        at = default;
        id = default;
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
