using Complaints.Domain.Cases;
using Complaints.Domain.Identity;

namespace Complaints.Domain.Tests.Identity;

/// <summary>第七条 身份证件号码: besides the resident identity card, the documents of Hong Kong, Macao and Taiwan residents, of foreigners and passports.</summary>
public class IdentityDocumentTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData("H12345678", "H12345678", "H*****678")]
    [InlineData(" m87654321 ", "M87654321", "M*****321")]
    [InlineData("H1234567801", "H1234567801", "H*******801")]
    public void A_Hong_Kong_or_Macao_permit_is_H_or_M_and_8_digits_第七条(string input, string value, string masked)
    {
        var parsed = IdentityDocument.TryParse(IdType.HkMacaoPermit, input, Today);

        Assert.True(parsed.IsSuccess);
        Assert.Equal(value, parsed.Value.Value);
        Assert.Equal(masked, parsed.Value.Masked);
        Assert.Equal(masked, parsed.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("A12345678")]
    [InlineData("H1234567")]
    [InlineData("H123456789")]
    [InlineData("H1234567X")]
    public void A_malformed_Hong_Kong_or_Macao_permit_is_refused_第七条(string input) =>
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.HkMacaoPermit, input, Today), IdentityErrors.InvalidHkMacaoPermit);

    [Fact]
    public void A_Taiwan_permit_is_8_digits_第七条()
    {
        var parsed = IdentityDocument.TryParse(IdType.TaiwanPermit, "0123 4567", Today);

        Assert.Equal("01234567", parsed.Value.Value);
        Assert.Equal("0****567", parsed.Value.Masked);
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.TaiwanPermit, "1234567890", Today), IdentityErrors.InvalidTaiwanPermit);
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.TaiwanPermit, "T1234567", Today), IdentityErrors.InvalidTaiwanPermit);
    }

    [Theory]
    [InlineData("810000199001011230")]
    [InlineData("830000198512310020")]
    public void A_residence_permit_is_a_GB_11643_number_of_810000_820000_or_830000_第七条(string input)
    {
        var parsed = IdentityDocument.TryParse(IdType.ResidencePermit, input, Today);

        Assert.True(parsed.IsSuccess);
        Assert.Equal(input[..6] + "********" + input[14..], parsed.Value.Masked);
    }

    [Fact]
    public void A_residence_permit_with_a_mainland_code_or_a_wrong_check_digit_is_refused_第七条()
    {
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.ResidencePermit, "53010219880119123X", Today), IdentityErrors.InvalidResidencePermit);
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.ResidencePermit, "810000199001011231", Today), IdentityErrors.InvalidResidencePermit);
    }

    [Theory]
    [InlineData("953840198503150015", "953840********0015")]
    [InlineData("USA531234567890", "USA********7890")]
    public void A_foreigners_permanent_residence_card_is_the_2023_or_the_2017_number_第七条(string input, string masked)
    {
        var parsed = IdentityDocument.TryParse(IdType.ForeignResident, input, Today);

        Assert.True(parsed.IsSuccess);
        Assert.Equal(masked, parsed.Value.Masked);
    }

    [Theory]
    [InlineData("953840198503150016")] // check digit
    [InlineData("853840198503150015")] // not 9
    [InlineData("993840198503150015")] // no province 99
    [InlineData("953840203003150015")] // born in the future
    [InlineData("US1531234567890")]
    public void A_malformed_permanent_residence_card_is_refused_第七条(string input) =>
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.ForeignResident, input, Today), IdentityErrors.InvalidForeignResident);

    [Theory]
    [InlineData("E12345678", "E*****678")]
    [InlineData("ea1234567", "E*****567")]
    [InlineData("C01X00T47", "C*****T47")]
    public void A_passport_number_is_5_to_9_letters_or_digits_第七条(string input, string masked) =>
        Assert.Equal(masked, IdentityDocument.TryParse(IdType.Passport, input, Today).Value.Masked);

    [Theory]
    [InlineData("E123")]
    [InlineData("E1234567890")]
    [InlineData("ABCDEFG")]
    [InlineData("E1234/567")]
    public void A_malformed_passport_number_is_refused_第七条(string input) =>
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.Passport, input, Today), IdentityErrors.InvalidPassport);

    [Fact]
    public void The_resident_id_and_the_credit_code_keep_their_own_checks_第七条()
    {
        Assert.Equal("530102********123X", IdentityDocument.TryParse(IdType.ResidentId, "53010219880119123x", Today).Value.Masked);
        IdentityAssert.FailsWith(IdentityDocument.TryParse(IdType.ResidentId, "530102198801191230", Today), IdentityErrors.ResidentIdCheckDigit);
        Assert.Equal("91530100MA6K3L2P7G", IdentityDocument.TryParse(IdType.Uscc, "91530100MA6K3L2P7G", Today).Value.Value);
    }

    [Fact]
    public void Every_document_but_the_credit_code_belongs_to_a_person_第七条()
    {
        Assert.All(Enum.GetValues<IdType>().Except([IdType.Uscc]), t => Assert.True(IdentityDocument.IsPersonal(t)));
        Assert.False(IdentityDocument.IsPersonal(IdType.Uscc));
        Assert.All(Enum.GetValues<IdType>(), t => Assert.DoesNotContain(WireNames.Of(t), t.Name(), StringComparison.Ordinal));
    }
}
