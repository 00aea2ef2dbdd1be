using Complaints.Domain.Identity;
using static Complaints.Domain.Tests.Calendars;
using static Complaints.Domain.Tests.Identity.IdentityAssert;

namespace Complaints.Domain.Tests.Identity;

/// <summary>
/// 第七条 身份证件号码 (GB 11643). Valid samples were computed with the MOD 11-2 algorithm
/// independently of the code under test; 11010519491231002X is the standard's own example.
/// </summary>
public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = D("2026-05-20");

    [Theory]
    [InlineData("11010519491231002X", "110105", "1949-12-31")]
    [InlineData("530102199003071238", "530102", "1990-03-07")]
    [InlineData("53010219851120002X", "530102", "1985-11-20")]
    [InlineData("532501199912310029", "532501", "1999-12-31")]
    [InlineData("440304200002290014", "440304", "2000-02-29")]
    [InlineData("810000199001010019", "810000", "1990-01-01")]
    [InlineData("830000199001010012", "830000", "1990-01-01")]
    [InlineData("530102202605200011", "530102", "2026-05-20")]
    public void A_valid_resident_id_is_accepted_with_its_region_and_birth_date_第七条(string input, string region, string birthDate)
    {
        var id = ResidentIdNumber.TryParse(input, Today).Value;

        Assert.Equal(input, id.Value);
        Assert.Equal(region, id.RegionCode);
        Assert.Equal(D(birthDate), id.BirthDate);
    }

    [Fact]
    public void A_lower_case_x_and_surrounding_spaces_are_normalised()
    {
        var id = ResidentIdNumber.TryParse(" 53010219851120002x ", Today).Value;

        Assert.Equal("53010219851120002X", id.Value);
        Assert.Equal(ResidentIdNumber.TryParse("53010219851120002X", Today).Value, id);
    }

    [Fact]
    public void The_masked_form_keeps_the_first_six_and_last_four_characters_and_is_what_to_string_shows()
    {
        var id = ResidentIdNumber.TryParse("11010519491231002X", Today).Value;

        Assert.Equal("110105********002X", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
        Assert.DoesNotContain("19491231", $"{id}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("53010219900307123")]
    [InlineData("5301021990030712388")]
    [InlineData("53010219900307123A")]
    [InlineData("5301021990O3071238")]
    [InlineData("X30102199003071238")]
    [InlineData("530102 1990030712")]
    [InlineData("５３０１０２１９９００３０７１２３８")]
    public void A_resident_id_of_the_wrong_length_or_characters_is_refused_第七条(string? input)
    {
        FailsWith(ResidentIdNumber.TryParse(input, Today), IdentityErrors.InvalidResidentId);
    }

    [Theory]
    [InlineData("530102199003071237")]
    [InlineData("530102199003071239")]
    [InlineData("110105194912310021")]
    public void A_resident_id_with_a_wrong_check_character_is_refused_第七条(string input)
    {
        FailsWith(ResidentIdNumber.TryParse(input, Today), IdentityErrors.ResidentIdCheckDigit);
    }

    [Fact]
    public void Swapping_two_digits_breaks_the_check_character()
    {
        FailsWith(ResidentIdNumber.TryParse("530102199003071328", Today), IdentityErrors.ResidentIdCheckDigit);
    }

    [Theory]
    [InlineData("990102199003071233")]
    [InlineData("160102199003071239")]
    [InlineData("000102199003071234")]
    public void A_resident_id_from_no_real_province_is_refused_第七条(string input)
    {
        FailsWith(ResidentIdNumber.TryParse(input, Today), IdentityErrors.ResidentIdRegion);
    }

    [Theory]
    [InlineData("530102202605210017")] // born tomorrow
    [InlineData("110105189912310023")] // 1899
    [InlineData("530102199002301230")] // 30 February
    [InlineData("530102190013011238")] // month 13
    [InlineData("53010220250229123X")] // 2025 is not a leap year
    public void A_resident_id_whose_birth_date_does_not_exist_or_lies_in_the_future_is_refused_第七条(string input)
    {
        FailsWith(ResidentIdNumber.TryParse(input, Today), IdentityErrors.ResidentIdBirthDate);
    }

    [Fact]
    public void Whether_a_birth_date_is_in_the_future_depends_on_the_supplied_today_not_the_clock()
    {
        Assert.False(ResidentIdNumber.TryParse("530102202605210017", D("2026-05-20")).IsSuccess);
        Assert.True(ResidentIdNumber.TryParse("530102202605210017", D("2026-05-21")).IsSuccess);
    }

    [Fact]
    public void The_fifteen_digit_first_generation_number_is_refused_with_its_own_code_第七条()
    {
        FailsWith(ResidentIdNumber.TryParse("530102900307123", Today), IdentityErrors.ResidentId15Digit);
    }
}
