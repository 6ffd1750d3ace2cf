using NUnit.Framework;
using Platform.Application.Identity.Commands.Logout;
using Platform.Application.Identity.Commands.RefreshToken;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// A client whose refresh response was lost may present the same token again for a short while (here 30 s) and gets
/// the same successor; any other second use is still treated as a stolen token.
/// </summary>
public sealed class RefreshOverlapTests : ApplicationTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Auth:RefreshTokenOverlap"] = "00:00:30",
    };

    [SetUp]
    public void FreezeTime() => App.Clock.Freeze();

    [Test]
    public async Task Within_the_window_the_previous_token_gets_the_same_successor_and_the_session_goes_on()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);

        App.Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!));
        App.Clock.Advance(TimeSpan.FromSeconds(10));
        var retriedAgain = await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!));
        var third = await App.RefreshAsync(second.RefreshToken!);

        Assert.Multiple(async () =>
        {
            Assert.That(retried.Failure, Is.Null);
            Assert.That(retried.Tokens?.RefreshToken, Is.EqualTo(second.RefreshToken), "the same successor, not a second branch of the family");
            Assert.That(retried.Tokens?.SessionId, Is.EqualTo(first.SessionId));
            Assert.That(retried.Tokens?.AccessToken, Is.Not.Empty);
            Assert.That(retriedAgain.Tokens?.RefreshToken, Is.EqualTo(second.RefreshToken));
            Assert.That(third.RefreshToken, Is.Not.EqualTo(second.RefreshToken), "the successor is the live token and rotates as usual");
            Assert.That(await Database.CountAsync("user_sessions", $"id = '{first.SessionId}' AND revoked_at IS NULL"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action = 'sessions.refresh_reuse_detected'"), Is.Zero);
        });
    }

    [Test]
    public async Task Simultaneous_refreshes_with_one_token_all_get_the_same_successor()
    {
        var user = await CustomerAsync();
        var tokens = await App.SignInAsync(user);

        // Two browser tabs (or a retry racing the original) refreshing at the same moment.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.SendAsync(new RefreshTokenCommand(tokens.RefreshToken!))));

        Assert.Multiple(async () =>
        {
            Assert.That(outcomes.Select(o => o.Failure?.Code), Is.All.Null);
            Assert.That(outcomes.Select(o => o.Tokens?.RefreshToken).Distinct().Count(), Is.EqualTo(1), "one successor, not several branches");
            Assert.That(await Database.CountAsync("refresh_tokens", $"session_id = '{tokens.SessionId}'"), Is.EqualTo(2));
            Assert.That(await App.RefreshErrorAsync(outcomes[0].Tokens!.RefreshToken!), Is.Null, "the successor works");
        });
    }

    [Test]
    public async Task After_the_window_the_previous_token_is_reuse_and_ends_the_session()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);

        App.Clock.Advance(TimeSpan.FromSeconds(31));
        var late = await App.SendAsync(new RefreshTokenCommand(first.RefreshToken!));

        Assert.Multiple(async () =>
        {
            Assert.That(late.Tokens, Is.Null);
            Assert.That(late.Failure?.Code, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(await App.RefreshErrorAsync(second.RefreshToken!), Is.EqualTo("auth.session_revoked"));
            Assert.That(await Database.ScalarAsync<string>("SELECT revoke_reason FROM user_sessions WHERE id = $1", first.SessionId), Is.EqualTo("refresh_token_reused"));
            Assert.That(await Database.CountAsync("audit_log", $"action = 'sessions.refresh_reuse_detected' AND resource_id = '{first.SessionId}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_token_two_rotations_back_is_reuse_even_within_the_window()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);
        var third = await App.RefreshAsync(second.RefreshToken!);

        App.Clock.Advance(TimeSpan.FromSeconds(5));
        var old = await App.RefreshErrorAsync(first.RefreshToken!);

        Assert.Multiple(async () =>
        {
            Assert.That(old, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(await App.RefreshErrorAsync(third.RefreshToken!), Is.EqualTo("auth.session_revoked"));
        });
    }

    [Test]
    public async Task Once_the_successor_was_used_the_retried_token_is_reuse_even_within_the_window()
    {
        var user = await CustomerAsync();
        var first = await App.SignInAsync(user);
        var second = await App.RefreshAsync(first.RefreshToken!);
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        var retried = await App.RefreshAsync(first.RefreshToken!);
        var third = await App.RefreshAsync(retried.RefreshToken!);

        App.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await App.RefreshErrorAsync(first.RefreshToken!);

        Assert.Multiple(async () =>
        {
            Assert.That(retried.RefreshToken, Is.EqualTo(second.RefreshToken));
            Assert.That(again, Is.EqualTo("auth.refresh_token_reused"));
            Assert.That(await App.RefreshErrorAsync(third.RefreshToken!), Is.EqualTo("auth.session_revoked"));
        });
    }

    [Test]
    public async Task The_window_does_not_bring_back_a_signed_out_session()
    {
        var user = await CustomerAsync();
        var revoked = await App.SignInAsync(user);
        await App.RefreshAsync(revoked.RefreshToken!);
        await App.SendAsync(new LogoutCommand(revoked.SessionId), user with { SessionId = revoked.SessionId });

        App.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.That(await App.RefreshErrorAsync(revoked.RefreshToken!), Is.EqualTo("auth.session_revoked"));
    }
}
