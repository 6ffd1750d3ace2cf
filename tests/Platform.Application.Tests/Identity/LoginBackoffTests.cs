using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// Progressive back-off for failed sign-ins to one account (known or not): three failures are free, then each
/// failure blocks sign-in to that account for 1 s, 2 s, 4 s..., even with the right password.
/// </summary>
public sealed class LoginBackoffTests : ApplicationTestBase
{
    private const string WrongPassword = "not the password";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(50);

    [SetUp]
    public void FreezeTime() => App.Clock.Freeze();

    [Test]
    public async Task Three_failures_cost_nothing()
    {
        var user = await CustomerAsync();

        var failures = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add(Fail(user.Email));
        }

        var tokens = await App.SignInAsync(user);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.All.EqualTo("auth.invalid_credentials"));
            Assert.That(tokens.RefreshToken, Is.Not.Null);
        });
    }

    [Test]
    public async Task After_the_fourth_failure_even_the_right_password_waits_a_second()
    {
        var user = await CustomerAsync();
        var bystander = await CustomerAsync();
        var failures = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            failures.Add(Fail(user.Email));
        }

        var blocked = Assert.ThrowsAsync<TooManyRequestsException>(() => App.SignInAsync(user));
        var bystanderTokens = await App.SignInAsync(bystander);

        Assert.Multiple(async () =>
        {
            Assert.That(failures, Is.All.EqualTo("auth.invalid_credentials"), "the fourth failure itself is still an ordinary failure");
            Assert.That(blocked!.Code, Is.EqualTo("auth.login_backoff"));
            Assert.That(blocked.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)).Within(Tolerance));
            Assert.That(bystanderTokens.RefreshToken, Is.Not.Null, "other accounts are not blocked");
            Assert.That(
                await Database.CountAsync("audit_log", $"action = 'auth.login_failed' AND actor_id = '{user.Id}' AND changes->>'reason' = 'wrong_password'"),
                Is.EqualTo(4));
            Assert.That(
                await Database.ScalarAsync<int>("SELECT max((changes->>'consecutive_failures')::int) FROM audit_log WHERE action = 'auth.login_failed' AND actor_id = $1", user.Id),
                Is.EqualTo(4));
            Assert.That(await Database.CountAsync("audit_log", $"changes::text LIKE '%{WrongPassword}%' OR changes::text LIKE '%{SessionTestSupport.Password}%'"), Is.Zero, "passwords are never audited");
        });
    }

    [Test]
    public async Task Once_the_wait_is_over_the_right_password_gets_in_and_the_count_starts_over()
    {
        var user = await CustomerAsync();
        for (var i = 0; i < 4; i++)
        {
            Fail(user.Email);
        }

        App.Clock.Advance(TimeSpan.FromSeconds(2));
        var tokens = await App.SignInAsync(user);
        var countAfterSuccess = await Database.CountAsync("login_failures");

        // Had the count not been cleared, this would be the fifth failure and block the next attempt for 2 s.
        var nextFailure = Fail(user.Email);
        var again = await App.SignInAsync(user);

        Assert.Multiple(() =>
        {
            Assert.That(tokens.RefreshToken, Is.Not.Null);
            Assert.That(countAfterSuccess, Is.Zero);
            Assert.That(nextFailure, Is.EqualTo("auth.invalid_credentials"));
            Assert.That(again.RefreshToken, Is.Not.Null);
        });
    }

    [Test]
    public async Task Each_further_failure_doubles_the_wait()
    {
        var user = await CustomerAsync();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            Fail(user.Email);
        }

        waits.Add(Wait(user.Email));
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Fail(user.Email);
        waits.Add(Wait(user.Email));
        App.Clock.Advance(TimeSpan.FromSeconds(1.5));
        var halfwayThrough = Wait(user.Email);
        App.Clock.Advance(TimeSpan.FromSeconds(0.5));
        Fail(user.Email);
        waits.Add(Wait(user.Email));

        Assert.Multiple(() =>
        {
            Assert.That(waits[0], Is.EqualTo(TimeSpan.FromSeconds(1)).Within(Tolerance));
            Assert.That(waits[1], Is.EqualTo(TimeSpan.FromSeconds(2)).Within(Tolerance));
            Assert.That(halfwayThrough, Is.EqualTo(TimeSpan.FromSeconds(0.5)).Within(Tolerance), "the wait counts down");
            Assert.That(waits[2], Is.EqualTo(TimeSpan.FromSeconds(4)).Within(Tolerance));
        });
    }

    [Test]
    public async Task Attempts_while_blocked_neither_count_nor_extend_the_block()
    {
        var user = await CustomerAsync();
        for (var i = 0; i < 4; i++)
        {
            Fail(user.Email);
        }

        var whileBlocked = Assert.ThrowsAsync<TooManyRequestsException>(() => App.SendAsync(new IssueTokenCommand(user.Email, WrongPassword)));
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var tokens = await App.SignInAsync(user);

        Assert.Multiple(() =>
        {
            Assert.That(whileBlocked!.Code, Is.EqualTo("auth.login_backoff"), "a blocked attempt is refused before the password is looked at");
            Assert.That(tokens.RefreshToken, Is.Not.Null, "the block ended one second after the fourth failure");
        });
    }

    [Test]
    public async Task Unknown_emails_are_held_back_the_same_way_whatever_their_spelling()
    {
        var spellings = new[] { "ghost@example.com", "Ghost@Example.com", " GHOST@example.com ", "ghost@EXAMPLE.com" };
        var failures = new List<string>();
        foreach (var spelling in spellings)
        {
            failures.Add(Fail(spelling));
        }

        var blocked = Assert.ThrowsAsync<TooManyRequestsException>(() => App.SendAsync(new IssueTokenCommand("ghost@example.com", WrongPassword)));

        Assert.Multiple(async () =>
        {
            Assert.That(failures, Is.All.EqualTo("auth.invalid_credentials"));
            Assert.That(blocked!.Code, Is.EqualTo("auth.login_backoff"), "an unknown account is blocked like a real one, so the answer reveals nothing");
            Assert.That(blocked.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)).Within(Tolerance));
            Assert.That(await Database.CountAsync("login_failures"), Is.EqualTo(1), "one count for every spelling of the address");
            Assert.That(await Database.CountAsync("audit_log", "action = 'auth.login_failed' AND changes->>'reason' = 'unknown_account'"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task A_failure_streak_older_than_a_day_starts_again_from_one()
    {
        var user = await CustomerAsync();
        for (var i = 0; i < 3; i++)
        {
            Fail(user.Email);
        }

        App.Clock.Advance(TimeSpan.FromHours(25));
        var failure = Fail(user.Email);
        var count = await Database.ScalarAsync<int>("SELECT failures FROM login_failures WHERE account = $1", EmailAddress.Normalize(user.Email));

        // As the fourth failure in a row this would block the next attempt; as the first of a new streak it does not.
        var tokens = await App.SignInAsync(user);

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.EqualTo("auth.invalid_credentials"));
            Assert.That(count, Is.EqualTo(1));
            Assert.That(tokens.RefreshToken, Is.Not.Null);
        });
    }

    /// <summary>A sign-in with a wrong password; returns the code it fails with (a success fails the test).</summary>
    private string Fail(string email)
    {
        var error = Assert.ThrowsAsync(Is.InstanceOf<AppException>(), () => App.SendAsync(new IssueTokenCommand(email, WrongPassword)));
        return ((AppException)error!).Code;
    }

    /// <summary>How long the back-off asks a sign-in with the right password to wait (it must be blocked).</summary>
    private TimeSpan Wait(string email)
    {
        var blocked = Assert.ThrowsAsync<TooManyRequestsException>(() => App.SendAsync(new IssueTokenCommand(email, SessionTestSupport.Password)));
        return blocked!.RetryAfter;
    }
}
