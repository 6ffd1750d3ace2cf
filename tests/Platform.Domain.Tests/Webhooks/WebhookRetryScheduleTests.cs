using NUnit.Framework;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

/// <summary>When a failed delivery is tried again: the configured delays, their jitter, the end of a round, and Retry-After.</summary>
[TestFixture]
public class WebhookRetryScheduleTests
{
    [Test]
    public void Default_IsAnImmediateAttemptThenSevenDelaysOfAboutTwentySevenHoursInAll()
    {
        var schedule = WebhookRetrySchedule.Parse(WebhookRetrySchedule.DefaultSeconds);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.MaxAttempts, Is.EqualTo(8));
            Assert.That(schedule.Delays[0], Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(schedule.Delays[^1], Is.EqualTo(TimeSpan.FromHours(10)));
            Assert.That(schedule.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), Is.EqualTo(TimeSpan.FromSeconds(99305)));
            Assert.That(schedule.ToString(), Is.EqualTo(WebhookRetrySchedule.DefaultSeconds));
        }
    }

    [TestCase("5,x")]
    [TestCase("-5")]
    [TestCase("5,,6")]
    [TestCase("604801")]
    [TestCase("1.5")]
    public void TryParse_Malformed_IsRefused(string text) =>
        Assert.That(WebhookRetrySchedule.TryParse(text, out _), Is.False);

    [Test]
    public void TryParse_Empty_MeansNoRetry()
    {
        Assert.That(WebhookRetrySchedule.TryParse(" ", out var schedule), Is.True);
        Assert.That(schedule.NextDelay(1, 0.5), Is.Null);
    }

    [Test]
    public void NextDelay_AddsUpToTwentyPercentJitterAndEndsAfterTheLastDelay()
    {
        var schedule = WebhookRetrySchedule.Parse("10,100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.NextDelay(1, 0), Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(schedule.NextDelay(1, 0.999)!.Value.TotalSeconds, Is.EqualTo(11.998).Within(0.001));
            Assert.That(schedule.NextDelay(2, 0.5), Is.EqualTo(TimeSpan.FromSeconds(110)));
            Assert.That(schedule.NextDelay(3, 0.5), Is.Null, "after the last delay's attempt fails, the message has failed");
            Assert.Throws<ArgumentOutOfRangeException>(() => schedule.NextDelay(0, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => schedule.NextDelay(1, 1.0));
        }
    }

    [Test]
    public void NextDelay_RetryAfterOnlyPushesLaterAndIsCappedAtADay()
    {
        var schedule = WebhookRetrySchedule.Parse("60");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.NextDelay(1, 0, TimeSpan.FromSeconds(5)), Is.EqualTo(TimeSpan.FromSeconds(60)), "never earlier than the schedule");
            Assert.That(schedule.NextDelay(1, 0, TimeSpan.FromMinutes(10)), Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(schedule.NextDelay(1, 0, TimeSpan.FromDays(3)), Is.EqualTo(TimeSpan.FromHours(24)));
        }
    }
}
