using System.Globalization;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;

namespace Complaints.Api.Documents;

/// <summary>
/// The Chinese wording of the printed forms. JSON keeps the wire enums (api.md); only the HTML and
/// PDF renderings read these, so a change of wording never changes the contract. The names of the
/// regulation's terms (channels, 第八条 reasons, findings …) are the domain's <see cref="ChineseNames"/>.
/// </summary>
internal static class DocumentText
{
    /// <summary>2026年11月20日.</summary>
    public static string Chinese(this DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2026年11月20日 09:05, in China Standard Time whatever the offset given.</summary>
    public static string Chinese(this DateTimeOffset instant)
    {
        var cst = ChinaTime.ToChina(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{DateOnly.FromDateTime(cst.DateTime).Chinese()} {cst:HH:mm}");
    }

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string OrDash(this string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
}
