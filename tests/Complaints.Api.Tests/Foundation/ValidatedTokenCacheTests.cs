using System.Security.Claims;
using Complaints.Api.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Foundation;

public sealed class ValidatedTokenCacheTests
{
    private static readonly ClaimsPrincipal Someone = new(new ClaimsIdentity([new Claim("sub", "someone")], "Bearer"));

    [Fact]
    public void A_validated_token_is_served_from_memory_for_a_few_minutes_at_most()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(clock);
        cache.Remember("token", Someone, clock.GetUtcNow().AddHours(8));

        Assert.True(cache.TryGet("token", out var principal));
        Assert.Same(Someone, principal);
        Assert.False(cache.TryGet("another token", out _));

        clock.Advance(ValidatedTokenCache.Lifetime);
        Assert.False(cache.TryGet("token", out _));
    }

    [Fact]
    public void A_remembered_token_is_never_accepted_past_its_expiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(clock);
        cache.Remember("token", Someone, clock.GetUtcNow().AddSeconds(30));
        Assert.True(cache.TryGet("token", out _));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(cache.TryGet("token", out _));

        cache.Remember("expired", Someone, clock.GetUtcNow().AddSeconds(-1));
        Assert.False(cache.TryGet("expired", out _));
    }
}
