using Complaints.Api.Notifications;

namespace Complaints.Api.Tests.Notifications;

public sealed class RetryPolicyTests
{
    [Fact]
    public void The_delay_doubles_from_30_seconds_and_stops_growing_at_an_hour()
    {
        var o = new NotificationOptions();

        Assert.Equal(
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(attempts => (int)o.RetryDelay(attempts).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), o.RetryDelay(1000));
        Assert.Equal(8, o.MaxAttempts);
    }

    [Theory]
    [InlineData("https://sms.example.gov.cn/hook", "0123456789abcdef0123456789abcdef", null)]
    [InlineData("http://127.0.0.1:9000/hook", "0123456789abcdef0123456789abcdef", null)]
    [InlineData("http://localhost:9000/hook", "0123456789abcdef0123456789abcdef", null)]
    [InlineData("http://sms.example.gov.cn/hook", "0123456789abcdef0123456789abcdef", "Url")]
    [InlineData("ftp://127.0.0.1/hook", "0123456789abcdef0123456789abcdef", "Url")]
    [InlineData(null, "0123456789abcdef0123456789abcdef", "Url")]
    [InlineData("https://sms.example.gov.cn/hook", "short", "Secret")]
    public void The_webhook_needs_https_off_loopback_and_a_long_secret(string? url, string secret, string? problem) =>
        Assert.Equal(problem, NotificationsSetup.WebhookProblem(new WebhookOptions { Url = url, Secret = secret }));
}
