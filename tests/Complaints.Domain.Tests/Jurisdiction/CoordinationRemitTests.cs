using Complaints.Domain.Jurisdiction;

namespace Complaints.Domain.Tests.Jurisdiction;

public class CoordinationRemitTests
{
    [Theory]
    [InlineData(new[] { "530102" }, "530102")]
    [InlineData(new[] { "530102", "530102" }, "530102")]
    [InlineData(new[] { "530102", "530103" }, "530100")]
    [InlineData(new[] { "530102", "530100" }, "530100")]
    [InlineData(new[] { "530102", "530302" }, "530000")]
    [InlineData(new[] { "530102", "530000" }, "530000")]
    public void The_level_that_coordinates_is_the_lowest_division_holding_every_agency_第十五条(string[] regions, string level)
    {
        Assert.Equal(level, CoordinationRemit.CommonLevel(regions));
    }

    [Fact]
    public void A_county_coordinates_agencies_of_its_own_division_第十五条()
    {
        Assert.Null(CoordinationRemit.Check("530102", "530102", [("leadAgencyId", "530102"), ("cooperatingAgencyIds", "530102")]));
    }

    [Fact]
    public void Agencies_of_two_counties_are_coordinated_by_their_prefecture_or_the_province_第十五条()
    {
        (string, string)[] agencies = [("leadAgencyId", "530102"), ("cooperatingAgencyIds", "530103")];

        Assert.Null(CoordinationRemit.Check("530100", "530102", agencies));
        Assert.Null(CoordinationRemit.Check("530000", "530102", agencies));

        var error = CoordinationRemit.Check("530102", "530102", agencies)!;
        Assert.Equal(CoordinationRemit.OutsideRemitCode, error.Code);
        Assert.Equal("cooperatingAgencyIds", error.Field);
        Assert.Equal("第十五条", error.Article);
        Assert.Contains("530100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agencies_of_two_prefectures_are_coordinated_by_the_province_第十五条()
    {
        (string, string)[] agencies = [("leadAgencyId", "530302"), ("cooperatingAgencyIds", "530102")];

        Assert.Null(CoordinationRemit.Check("530000", "530102", agencies));
        Assert.Equal("leadAgencyId", CoordinationRemit.Check("530100", "530102", agencies)!.Field);
    }

    [Fact]
    public void A_department_coordinates_only_cases_of_its_own_remit_第五条()
    {
        Assert.NotNull(CoordinationRemit.Check("530103", "530102", [("leadAgencyId", "530103")]));
        Assert.Throws<ArgumentException>(() => CoordinationRemit.CommonLevel([]));
        Assert.Throws<ArgumentException>(() => CoordinationRemit.CommonLevel(["530102", "110101"]));
    }
}
