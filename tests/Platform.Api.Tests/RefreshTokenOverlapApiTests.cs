using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>
/// Refresh with an overlap window of 30 seconds: a client whose refresh response was lost may present the previous
/// token again and gets the same successor, not a signed-out session.
/// </summary>
public sealed class RefreshTokenOverlapApiTests : SessionApiTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Auth:RefreshTokenOverlap"] = "00:00:30" };

    [Test]
    public async Task The_previous_token_again_within_the_window_returns_the_same_successor_and_a_working_access_token()
    {
        var email = NewEmail("overlap");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        var rotated = await PairOfAsync(await RefreshAsync(first.RefreshToken));

        var again = await PairOfAsync(await RefreshAsync(first.RefreshToken));

        Assert.Multiple(() =>
        {
            Assert.That(again.RefreshToken, Is.EqualTo(rotated.RefreshToken), "The lost response's refresh token is handed out again.");
            Assert.That(again.SessionId, Is.EqualTo(first.SessionId));
        });
        await AssertSignedInAsync(again.AccessToken, "The re-issued access token works.");
        await AssertSignedInAsync(rotated.AccessToken, "The first rotation's access token still works.");
        Assert.That(await AuditRowsAsync("sessions.refresh_reuse_detected"), Is.Empty);

        var next = await PairOfAsync(await RefreshAsync(again.RefreshToken));
        Assert.That(next.RefreshToken, Is.Not.EqualTo(rotated.RefreshToken), "The successor rotates normally afterwards.");
        await AssertSignedInAsync(next.AccessToken, "The session is still alive after the overlap.");
    }

    [Test]
    public async Task The_token_two_steps_back_is_reuse_even_within_the_window()
    {
        var email = NewEmail("overlap-two-back");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        var second = await PairOfAsync(await RefreshAsync(first.RefreshToken));
        var third = await PairOfAsync(await RefreshAsync(second.RefreshToken));

        var replay = await RefreshAsync(first.RefreshToken);

        await AssertProblemAsync(replay, 401, "auth.refresh_token_reused");
        await AssertProblemAsync(await RefreshAsync(third.RefreshToken), 401, "auth.session_revoked");
        await AssertSessionRevokedAsync(third.AccessToken);
        Assert.That(await AuditRowsAsync("sessions.refresh_reuse_detected"), Has.Count.EqualTo(1));
    }
}

/// <summary>An overlap window of two seconds, so a test can wait until it has passed.</summary>
public sealed class RefreshTokenShortOverlapApiTests : SessionApiTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Auth:RefreshTokenOverlap"] = "00:00:02" };

    [Test]
    public async Task The_previous_token_after_the_window_has_passed_is_reuse()
    {
        var email = NewEmail("overlap-expired");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        var rotated = await PairOfAsync(await RefreshAsync(first.RefreshToken));
        var within = await PairOfAsync(await RefreshAsync(first.RefreshToken));
        Assert.That(within.RefreshToken, Is.EqualTo(rotated.RefreshToken), "precondition: inside the window the previous token is accepted");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await RefreshAsync(first.RefreshToken);

        await AssertProblemAsync(late, 401, "auth.refresh_token_reused");
        await AssertSessionRevokedAsync(rotated.AccessToken);
    }
}
