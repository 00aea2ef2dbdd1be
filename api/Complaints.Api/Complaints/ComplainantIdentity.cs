using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Privacy;
using Complaints.Domain.Cases;

namespace Complaints.Api.Complaints;

/// <summary>
/// The complainant as stored: the domain snapshot with ID and phone numbers encrypted, plus the
/// masked forms and the blind index that lists and duplicate checks use without decrypting.
/// </summary>
public sealed record ProtectedComplainant(ComplainantSnapshot Snapshot, string? IdNumberMasked, string? PhoneMasked, string? IdNumberBlindIndex, string? PhoneBlindIndex = null);

/// <summary>
/// The complainant's identity of 第七条 as the API meets it: read from the identity platform's token, and protected before it
/// is stored. Which identity counts and how it is checked is the domain's <see cref="Intake.Submit"/> (with <see cref="Intake.Identify"/>).
/// </summary>
public static class ComplainantIdentity
{
    /// <summary>The verified token's claims: the role says person or organisation, <c>id_type</c> the document (wire name).</summary>
    public static RealNameClaims ClaimsOf(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Role) == Roles.Enterprise ? ComplainantType.Organization : ComplainantType.Person,
        user.FindFirstValue(ClaimNames.Name),
        user.FindFirstValue(ClaimNames.IdNumber),
        user.FindFirstValue(ClaimNames.Phone),
        user.FindFirstValue(ClaimNames.IdType));

    public static ComplainantParticulars? ParticularsOf(ComplainantInput? input) =>
        input is null ? null : new(input.Type, input.Name, input.IdNumber, input.Phone, input.Address, input.IdType);

    /// <summary>
    /// The stored complainant of a <see cref="Registration"/>: the case's snapshot (its ID and phone numbers sealed by the
    /// domain with <see cref="PersonalDataProtector.Encrypt"/>), with their masked forms and blind indexes (第九条).
    /// </summary>
    public static ProtectedComplainant Protect(Registration registered, PersonalDataProtector protector)
    {
        var (document, phone) = (registered.Complainant.Document, registered.Complainant.Phone);
        return new ProtectedComplainant(registered.Complaint.Complainant, document?.Masked, phone?.Masked, document is null ? null : protector.BlindIndex(document.Value),
            phone is null ? null : protector.BlindIndex(phone.Value));
    }
}
