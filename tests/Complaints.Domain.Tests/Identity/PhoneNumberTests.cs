using Complaints.Domain.Identity;
using static Complaints.Domain.Tests.Identity.IdentityAssert;

namespace Complaints.Domain.Tests.Identity;

/// <summary>第七条 联系电话.</summary>
public class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("+8613800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("8613800138000")]
    [InlineData("0086-13800138000")]
    [InlineData("138-0013-8000")]
    [InlineData(" 13800138000 ")]
    public void A_mobile_number_is_accepted_with_or_without_the_country_prefix_第七条(string input)
    {
        var phone = PhoneNumber.TryParse(input).Value;

        Assert.Equal(PhoneKind.Mobile, phone.Kind);
        Assert.Equal("13800138000", phone.Value);
        Assert.Null(phone.AreaCode);
        Assert.Equal("+8613800138000", phone.E164);
        Assert.Equal("138****8000", phone.Masked);
        Assert.Equal(phone.Masked, phone.ToString());
    }

    [Theory]
    [InlineData("0871-12345678", "0871", "0871-12345678", "0871-****5678", "+8687112345678")]
    [InlineData("087112345678", "0871", "0871-12345678", "0871-****5678", "+8687112345678")]
    [InlineData("+86 871 12345678", "0871", "0871-12345678", "0871-****5678", "+8687112345678")]
    [InlineData("+86 0871 12345678", "0871", "0871-12345678", "0871-****5678", "+8687112345678")]
    [InlineData("010-12345678", "010", "010-12345678", "010-****5678", "+861012345678")]
    [InlineData("01012345678", "010", "010-12345678", "010-****5678", "+861012345678")]
    [InlineData("+86-10-12345678", "010", "010-12345678", "010-****5678", "+861012345678")]
    [InlineData("020-1234567", "020", "020-1234567", "020-***4567", "+86201234567")]
    [InlineData("0692-2123456", "0692", "0692-2123456", "0692-***3456", "+866922123456")]
    public void A_landline_is_accepted_with_its_area_code_and_masked_to_the_area_code_and_last_four_digits_第七条(
        string input, string areaCode, string value, string masked, string e164)
    {
        var phone = PhoneNumber.TryParse(input).Value;

        Assert.Equal(PhoneKind.Landline, phone.Kind);
        Assert.Equal(areaCode, phone.AreaCode);
        Assert.Equal(value, phone.Value);
        Assert.Equal(masked, phone.Masked);
        Assert.Equal(e164, phone.E164);
    }

    [Fact]
    public void Every_mobile_prefix_from_13_to_19_is_accepted()
    {
        for (var second = '3'; second <= '9'; second++)
        {
            Assert.True(PhoneNumber.TryParse($"1{second}012345678").IsSuccess, $"1{second}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+86")]
    [InlineData("12800138000")] // no 12x mobile numbers
    [InlineData("1380013800")] // 10 digits
    [InlineData("138001380001")] // 12 digits
    [InlineData("138abc00000")]
    [InlineData("0871-123456")] // local number too short
    [InlineData("0871-123456789")] // too long
    [InlineData("087-12345678")] // 08xx area codes have four digits
    [InlineData("011-12345678")] // 010 is the only 01x
    [InlineData("0012345678")]
    [InlineData("0871-1234-5678")]
    [InlineData("0871-")]
    [InlineData("0871--12345678")]
    [InlineData("12345678")] // a local number without its area code
    [InlineData("0")]
    public void A_phone_number_that_is_neither_a_mobile_nor_a_landline_is_refused_第七条(string? input)
    {
        FailsWith(PhoneNumber.TryParse(input), IdentityErrors.InvalidPhone);
    }
}
