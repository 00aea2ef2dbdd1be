using Complaints.Domain.Identity;
using static Complaints.Domain.Tests.Identity.IdentityAssert;

namespace Complaints.Domain.Tests.Identity;

/// <summary>
/// 第七条 统一社会信用代码 (GB 32100, with the GB 11714 organisation code inside). Valid samples were
/// computed with both check algorithms independently of the code under test; 91110000600037341L and
/// 91350100M000100Y43 are codes in public circulation.
/// </summary>
public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91530102MA6K00014A")]
    [InlineData("125300000152489146")]
    [InlineData("9153010021659723X2")]
    [InlineData("52530000MJ00000180")]
    [InlineData("93530102MA6N3R8Y8F")]
    [InlineData("91110000600037341L")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91530102MA6K000300")] // organisation check 11 → '0'
    [InlineData("91530102MA6K0009X0")] // organisation check 10 → 'X'
    public void A_valid_credit_code_is_accepted_第七条(string input)
    {
        Assert.Equal(input, UnifiedSocialCreditCode.TryParse(input).Value.Value);
    }

    [Fact]
    public void A_credit_code_is_split_into_its_parts_and_masked_like_an_id_number()
    {
        var code = UnifiedSocialCreditCode.TryParse(" 91530102ma6k00014a ").Value;

        Assert.Equal("91530102MA6K00014A", code.Value);
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('1', code.OrganizationType);
        Assert.Equal("530102", code.RegionCode);
        Assert.Equal("MA6K00014", code.OrganizationCode);
        Assert.Equal("915301********014A", code.Masked);
        Assert.Equal(code.Value, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91530102MA6K0001")]
    [InlineData("91530102MA6K00014AA")]
    [InlineData("91530102MI6K00014A")] // I is not in the alphabet
    [InlineData("91530102MA6K0O014A")] // nor O
    [InlineData("91530102MA6K000S4A")] // nor S
    [InlineData("91530102MA6K00014Z")] // nor Z
    [InlineData("91530102MA6K0001-A")]
    [InlineData("91A30102MA6K00014U")] // region part must be digits
    public void A_credit_code_of_the_wrong_length_or_alphabet_is_refused_第七条(string? input)
    {
        FailsWith(UnifiedSocialCreditCode.TryParse(input), IdentityErrors.InvalidUscc);
    }

    [Theory]
    [InlineData("91530102MA6K00014B")]
    [InlineData("91530102MA6K00041A")]
    public void A_credit_code_with_a_wrong_check_character_is_refused_第七条(string input)
    {
        FailsWith(UnifiedSocialCreditCode.TryParse(input), IdentityErrors.UsccCheckCharacter);
    }

    [Fact]
    public void A_credit_code_whose_organisation_code_does_not_verify_is_refused_even_with_a_right_check_character_第七条()
    {
        // MA6K0001 has organisation check 4; 5 is wrong, and the final D was computed to satisfy MOD 31.
        FailsWith(UnifiedSocialCreditCode.TryParse("91530102MA6K00015D"), IdentityErrors.UsccOrganizationCode);
    }
}
