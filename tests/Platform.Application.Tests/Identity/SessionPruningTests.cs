using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.Logout;
using Platform.Application.Identity.Commands.PruneEndedSessions;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// The pruning job's command: sessions that ended (revoked or expired) longer ago than the retention are deleted
/// with their refresh-token history, in batches; live and recently ended sessions stay, as do fresh sign-in failures.
/// </summary>
public sealed class SessionPruningTests : ApplicationTestBase
{
    [SetUp]
    public void FreezeTime() => App.Clock.Freeze();

    [Test]
    public async Task Sessions_that_ended_longer_than_the_retention_ago_go_with_their_tokens_and_the_rest_stay()
    {
        var user = await CustomerAsync();
        var revokedLongAgo = await App.SignInAsync(user);
        await App.RefreshAsync(revokedLongAgo.RefreshToken!);
        await SignOutAsync(App, user, revokedLongAgo.SessionId);
        var expiredLongAgo = await App.SignInAsync(user);
        App.Clock.Advance(TimeSpan.FromDays(16));
        var revokedWithinRetention = await App.SignInAsync(user);
        await SignOutAsync(App, user, revokedWithinRetention.SessionId);
        App.Clock.Advance(TimeSpan.FromDays(4));
        var expiredWithinRetention = await App.SignInAsync(user);
        App.Clock.Advance(TimeSpan.FromDays(25));
        var live = await App.SignInAsync(user);
        var revokedToday = await App.SignInAsync(user);
        await SignOutAsync(App, user, revokedToday.SessionId);
        var gone = new[] { revokedLongAgo.SessionId, expiredLongAgo.SessionId };
        var kept = new[] { revokedWithinRetention.SessionId, expiredWithinRetention.SessionId, live.SessionId, revokedToday.SessionId };
        Assert.That(await CountTokensAsync(gone), Is.EqualTo(3), "the revoked session had a rotated token and its successor");

        var deleted = await App.SendAsync(new PruneEndedSessionsCommand());

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(2), "revoked 45 days ago, and idle-expired 31 days ago");
            Assert.That(await SessionIdsAsync(), Is.EquivalentTo(kept), "revoked 29 days ago, expired 11 days ago, live, revoked today");
            Assert.That(await CountTokensAsync(gone), Is.Zero, "refresh tokens go with their session");
            Assert.That(await CountTokensAsync(kept), Is.EqualTo(4));
            Assert.That(await App.RefreshErrorAsync(live.RefreshToken!), Is.Null, "a live session keeps working");
            Assert.That(await App.SendAsync(new PruneEndedSessionsCommand()), Is.Zero, "a second run finds nothing more");
        });
    }

    [Test]
    public async Task The_configured_retention_decides_how_long_ended_sessions_are_kept()
    {
        await using var app = new ApplicationTestHost(Database, new Dictionary<string, string?> { ["Auth:SessionRetention"] = "7.00:00:00" });
        app.Clock.Freeze();
        var user = await app.CreateUserAsync();
        var eightDaysAgo = await app.SignInAsync(user);
        await SignOutAsync(app, user, eightDaysAgo.SessionId);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var sixDaysAgo = await app.SignInAsync(user);
        await SignOutAsync(app, user, sixDaysAgo.SessionId);
        app.Clock.Advance(TimeSpan.FromDays(6));

        var deleted = await app.SendAsync(new PruneEndedSessionsCommand());

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(await SessionIdsAsync(), Is.EqualTo(new[] { sixDaysAgo.SessionId }));
        });
    }

    [Test]
    public async Task Pruning_works_in_batches_and_stops_after_the_batches_it_was_given()
    {
        var user = await CustomerAsync();
        for (var i = 0; i < 5; i++)
        {
            await App.SignInAsync(user);
            App.Clock.Tick();
        }

        App.Clock.Advance(TimeSpan.FromDays(45));
        var live = await App.SignInAsync(user);

        var firstRun = await App.SendAsync(new PruneEndedSessionsCommand(BatchSize: 2, MaxBatches: 1));
        var leftAfterFirstRun = await Database.CountAsync("user_sessions");
        var secondRun = await App.SendAsync(new PruneEndedSessionsCommand(BatchSize: 2, MaxBatches: 10));

        Assert.Multiple(async () =>
        {
            Assert.That(firstRun, Is.EqualTo(2), "one batch of two");
            Assert.That(leftAfterFirstRun, Is.EqualTo(4), "three prunable sessions and the live one are left");
            Assert.That(secondRun, Is.EqualTo(3), "the remaining batches delete the rest");
            Assert.That(await SessionIdsAsync(), Is.EqualTo(new[] { live.SessionId }));
            Assert.That(await Database.CountAsync("refresh_tokens"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Sign_in_failures_nobody_added_to_for_a_day_are_forgotten()
    {
        await FailSignInAsync("old@example.com");
        App.Clock.Advance(TimeSpan.FromHours(25));
        await FailSignInAsync("recent@example.com");
        App.Clock.Advance(TimeSpan.FromHours(23));

        var deleted = await App.SendAsync(new PruneEndedSessionsCommand());

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.Zero, "the count is of sessions");
            Assert.That(await Database.CountAsync("login_failures", $"account = '{EmailAddress.Normalize("old@example.com")}'"), Is.Zero, "last failed 48 hours ago");
            Assert.That(await Database.CountAsync("login_failures", $"account = '{EmailAddress.Normalize("recent@example.com")}'"), Is.EqualTo(1), "last failed 23 hours ago");
        });
    }

    private static Task SignOutAsync(ApplicationTestHost app, TestUser user, Guid sessionId) =>
        app.SendAsync(new LogoutCommand(sessionId), user with { SessionId = sessionId });

    private async Task FailSignInAsync(string email)
    {
        try
        {
            await App.SendAsync(new IssueTokenCommand(email, "not the password"));
        }
        catch (UnauthorizedException)
        {
            // Expected: the failure is what is recorded.
        }

        Assert.That(await Database.CountAsync("login_failures", $"account = '{EmailAddress.Normalize(email)}'"), Is.EqualTo(1));
    }

    private async Task<List<Guid>> SessionIdsAsync()
    {
        var ids = new List<Guid>();
        await using var command = Database.DataSource.CreateCommand("SELECT id FROM user_sessions");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<long> CountTokensAsync(Guid[] sessionIds) =>
        (await Database.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE session_id = ANY($1)", sessionIds));
}
