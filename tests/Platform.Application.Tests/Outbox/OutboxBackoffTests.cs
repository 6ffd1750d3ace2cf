using NUnit.Framework;
using Platform.Infrastructure.Outbox;

namespace Platform.Application.Tests.Outbox;

/// <summary>The retry schedule of failed outbox messages: doubling, capped, jittered within the upper half of the window.</summary>
public sealed class OutboxBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [TestCase(1, 0.0, 2.5)]
    [TestCase(1, 0.999999, 5.0)]
    [TestCase(2, 0.0, 5.0)]
    [TestCase(3, 0.5, 15.0)]
    [TestCase(10, 0.0, 1280.0)]
    public void DelayAfter_DoublesPerAttempt_WithinTheUpperHalfOfTheWindow(int attempt, double random, double expectedSeconds) =>
        Assert.That(OutboxBackoff.DelayAfter(attempt, Base, Max, random).TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));

    [TestCase(12)]
    [TestCase(40)]
    [TestCase(int.MaxValue)]
    public void DelayAfter_NeverExceedsTheMaximum(int attempt)
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutboxBackoff.DelayAfter(attempt, Base, Max, 0.999999), Is.LessThanOrEqualTo(Max));
            Assert.That(OutboxBackoff.DelayAfter(attempt, Base, Max, 0.0), Is.EqualTo(Max / 2));
        });
    }

    [Test]
    public void DelayAfter_SpreadsMessagesThatFailedTogether()
    {
        var random = new Random(42);
        var delays = Enumerable.Range(0, 100).Select(_ => OutboxBackoff.DelayAfter(3, Base, Max, random.NextDouble())).Distinct().Count();

        Assert.That(delays, Is.GreaterThan(90));
    }

    [Test]
    public void DelayAfter_RefusesAttemptZero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OutboxBackoff.DelayAfter(0, Base, Max, 0.5));
}
