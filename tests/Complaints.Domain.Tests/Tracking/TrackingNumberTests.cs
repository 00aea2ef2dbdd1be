using Complaints.Domain.Tracking;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Tracking;

public class TrackingNumberTests
{
    [Fact]
    public void A_tracking_number_reads_ts_region_cst_date_of_receipt_and_five_digit_sequence()
    {
        var number = TrackingNumber.Create("530102", D("2026-11-26"), 42).Value;

        Assert.Equal("TS530102-20261126-00042", number.Value);
        Assert.Equal(number.Value, number.ToString());
    }

    [Fact]
    public void The_date_in_the_number_is_the_china_date_of_receipt()
    {
        // 16:30 UTC on 25 November is 00:30 on 26 November in Kunming.
        var number = TrackingNumber.Create("530102", new DateTimeOffset(2026, 11, 25, 16, 30, 0, TimeSpan.Zero), 1).Value;

        Assert.Equal("TS530102-20261126-00001", number.Value);
    }

    [Theory]
    [InlineData("TS530102-20261126-00042")]
    [InlineData(" ts530102-20261126-00042 ")]
    public void A_tracking_number_parses_back_into_its_parts(string input)
    {
        var number = TrackingNumber.TryParse(input).Value;

        Assert.Equal("530102", number.DivisionCode);
        Assert.Equal(D("2026-11-26"), number.ReceivedOn);
        Assert.Equal(42, number.Sequence);
        Assert.Equal(TrackingNumber.Create("530102", D("2026-11-26"), 42).Value, number);
    }

    [Fact]
    public void Numbers_of_different_regions_days_or_sequences_differ()
    {
        var numbers = new[]
        {
            TrackingNumber.Create("530102", D("2026-11-26"), 1).Value.Value,
            TrackingNumber.Create("530103", D("2026-11-26"), 1).Value.Value,
            TrackingNumber.Create("530102", D("2026-11-27"), 1).Value.Value,
            TrackingNumber.Create("530102", D("2026-11-26"), 2).Value.Value,
            TrackingNumber.Create("530102", D("2026-11-26"), TrackingNumber.MaxSequence).Value.Value,
        };

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.Equal("TS530102-20261126-99999", numbers[^1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TS530102-20261126-0042")]
    [InlineData("TX530102-20261126-00042")]
    [InlineData("TS530102 20261126-00042")]
    [InlineData("TS530102-20261126 00042")]
    [InlineData("TS53010A-20261126-00042")]
    [InlineData("TS530102-20261131-00042")]
    [InlineData("TS530102-20261126-0004A")]
    [InlineData("TS530102-20261126-00000")]
    public void A_malformed_tracking_number_is_refused(string? input)
    {
        var result = TrackingNumber.TryParse(input);

        Assert.Equal(TrackingErrors.InvalidTrackingNumber, result.Error!.Code);
    }

    [Theory]
    [InlineData("53010", 1, TrackingErrors.InvalidDivisionCode)]
    [InlineData("53010x", 1, TrackingErrors.InvalidDivisionCode)]
    [InlineData("530102", 0, TrackingErrors.SequenceOutOfRange)]
    [InlineData("530102", 100_000, TrackingErrors.SequenceOutOfRange)]
    public void A_tracking_number_needs_a_six_digit_division_and_a_sequence_of_one_to_99999(string division, int sequence, string code)
    {
        Assert.Equal(code, TrackingNumber.Create(division, D("2026-11-26"), sequence).Error!.Code);
    }
}
