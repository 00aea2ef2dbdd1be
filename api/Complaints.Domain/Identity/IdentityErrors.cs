namespace Complaints.Domain.Identity;

/// <summary>
/// Stable codes of the real-name checks of 第七条. The errors carry no <c>Field</c>: the caller
/// knows which request field it parsed and sets it (<c>error with { Field = "complainant.idNumber" }</c>).
/// </summary>
public static class IdentityErrors
{
    public const string Article = "第七条";

    /// <summary>Empty, wrong length or characters other than 17 digits and a digit or X.</summary>
    public const string InvalidResidentId = "identity.invalid_resident_id";

    /// <summary>The 15-digit first-generation number, which carries no check digit and a 2-digit year.</summary>
    public const string ResidentId15Digit = "identity.resident_id_15_digit";

    public const string ResidentIdRegion = "identity.resident_id_region";

    public const string ResidentIdBirthDate = "identity.resident_id_birth_date";

    public const string ResidentIdCheckDigit = "identity.resident_id_check_digit";

    /// <summary>Empty, wrong length, characters outside the GB 32100 alphabet, or a non-numeric region part.</summary>
    public const string InvalidUscc = "identity.invalid_uscc";

    public const string UsccCheckCharacter = "identity.uscc_check_character";

    /// <summary>The embedded organisation code (GB 11714) does not verify.</summary>
    public const string UsccOrganizationCode = "identity.uscc_organization_code";

    public const string InvalidPhone = "identity.invalid_phone";

    public const string InvalidIdType = "identity.invalid_id_type";

    public const string InvalidHkMacaoPermit = "identity.invalid_hk_macao_permit";

    public const string InvalidTaiwanPermit = "identity.invalid_taiwan_permit";

    public const string InvalidResidencePermit = "identity.invalid_residence_permit";

    public const string InvalidForeignResident = "identity.invalid_foreign_resident";

    public const string InvalidPassport = "identity.invalid_passport";
}
