using NUnit.Framework;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class LoginBackoffTests
{
    [TestCase(0, 0)]
    [TestCase(1, 0)]
    [TestCase(3, 0)]
    [TestCase(4, 1)]
    [TestCase(5, 2)]
    [TestCase(6, 4)]
    [TestCase(10, 64)]
    [TestCase(13, 512)]
    [TestCase(14, 900)]
    [TestCase(1000, 900)]
    public void Failures_beyond_the_free_ones_double_the_wait_up_to_fifteen_minutes(int failures, int seconds)
    {
        Assert.That(LoginBackoff.DelayAfter(failures), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }
}
