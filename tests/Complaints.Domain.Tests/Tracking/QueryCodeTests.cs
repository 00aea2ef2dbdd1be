using Complaints.Domain.Tracking;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Tracking;

public class QueryCodeTests
{
    private const string Tracking = "TS530102-20261126-00042";

    [Fact]
    public void Generated_codes_have_eight_characters_of_the_unambiguous_alphabet_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => QueryCode.Generate().Value).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(8, code.Length);
            Assert.All(code, c => Assert.Contains(c, QueryCode.Alphabet));
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I']) >= 0);
    }

    [Fact]
    public void Every_symbol_of_the_alphabet_is_drawn_about_equally_often()
    {
        // 80,000 characters over 32 symbols: 2,500 expected each, standard deviation about 49.
        var counts = Enumerable.Range(0, 10_000).SelectMany(_ => QueryCode.Generate().Value).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 2_000, 3_000));
    }

    [Fact]
    public void The_stored_hash_is_the_sha256_hex_of_tracking_number_colon_code()
    {
        var hash = QueryCode.Hash(TrackingNumber.TryParse(Tracking).Value, QueryCode.TryParse("ABCD2345").Value);

        Assert.Equal("2eefb04f17a5188bb263ddb66c3da1dbefdf994d3a91da1e1da6b56a00661bea", hash);
        Assert.Equal(hash, QueryCode.Hash(" ts530102-20261126-00042", "abcd-2345"));
    }

    [Fact]
    public void A_code_verifies_against_its_hash_whatever_its_case_and_spacing()
    {
        var number = TrackingNumber.Create("530102", D("2026-11-26"), 42).Value;
        var code = QueryCode.Generate();
        var stored = QueryCode.Hash(number, code);

        Assert.True(QueryCode.Verify(number, code.Value, stored));
        Assert.True(QueryCode.Verify(Tracking, code.Value.ToLowerInvariant(), stored));
        Assert.True(QueryCode.Verify(Tracking, code.Value[..4] + "-" + code.Value[4..], stored.ToUpperInvariant()));
    }

    [Fact]
    public void A_wrong_code_or_another_case_does_not_verify()
    {
        var stored = QueryCode.Hash(Tracking, "ABCD2345");

        Assert.False(QueryCode.Verify(Tracking, "ABCD2346", stored));
        Assert.False(QueryCode.Verify("TS530102-20261126-00043", "ABCD2345", stored));
        Assert.False(QueryCode.Verify(Tracking, "", stored));
        Assert.False(QueryCode.Verify(Tracking, "ABCD2345", "not hex"));
        Assert.False(QueryCode.Verify(Tracking, "ABCD2345", new string('z', 64)));
        Assert.False(QueryCode.Verify(Tracking, "ABCD2345", stored[..62]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ABCD234")]
    [InlineData("ABCD23456")]
    [InlineData("ABCD2340")]
    [InlineData("ABCD234O")]
    [InlineData("ABCD2341")]
    [InlineData("ABCD234I")]
    public void A_code_outside_the_alphabet_or_of_another_length_is_refused(string? input)
    {
        Assert.Equal(TrackingErrors.InvalidQueryCode, QueryCode.TryParse(input).Error!.Code);
    }

    [Fact]
    public void A_code_never_shows_itself_in_to_string()
    {
        var code = QueryCode.TryParse("abcd 2345").Value;

        Assert.Equal("ABCD2345", code.Value);
        Assert.Equal("********", code.ToString());
    }
}
