using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>Refresh-token rotation with the default settings (no overlap): every token works once.</summary>
public sealed class RefreshTokenApiTests : SessionApiTestBase
{
    [Test]
    public async Task A_chain_of_refreshes_keeps_the_session_and_every_new_access_token_works()
    {
        var email = NewEmail("chain");
        await RegisterAsync(email);
        var current = await SignInAsync(email);
        var seen = new List<string> { current.RefreshToken };

        for (var i = 0; i < 3; i++)
        {
            var next = await PairOfAsync(await RefreshAsync(current.RefreshToken));
            Assert.That(next.SessionId, Is.EqualTo(current.SessionId));
            Assert.That(seen, Does.Not.Contain(next.RefreshToken), "Each rotation issues a new refresh token.");
            await AssertSignedInAsync(next.AccessToken, $"Access token of refresh {i + 1}.");
            seen.Add(next.RefreshToken);
            current = next;
        }

        Assert.That(ItemsOf(await SessionsAsync(current.AccessToken)).Select(IdOf), Is.EqualTo(new[] { current.SessionId }), "Refreshing does not start sessions.");
    }

    [Test]
    public async Task Replaying_the_first_token_after_three_refreshes_signs_the_session_out_and_audits_the_reuse()
    {
        var email = NewEmail("reuse");
        var userId = await RegisterAsync(email);
        var first = await SignInAsync(email);
        var bystander = await SignInAsync(email, deviceName: "Another device of the same user");
        var chain = new List<SignIn> { first };
        for (var i = 0; i < 3; i++)
        {
            chain.Add(await PairOfAsync(await RefreshAsync(chain[^1].RefreshToken)));
        }

        var replay = await RefreshAsync(first.RefreshToken);

        await AssertProblemAsync(replay, 401, "auth.refresh_token_reused");
        var newest = chain[^1];
        await AssertProblemAsync(await RefreshAsync(newest.RefreshToken), 401, "auth.session_revoked");
        foreach (var pair in chain)
        {
            await AssertSessionRevokedAsync(pair.AccessToken);
        }

        await AssertSignedInAsync(bystander.AccessToken, "Reuse ends only the session the token belongs to.");
        await PairOfAsync(await RefreshAsync(bystander.RefreshToken));

        var audit = await AuditRowsAsync("sessions.refresh_reuse_detected");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ResourceType, Is.EqualTo("session"));
            Assert.That(audit[0].ResourceId, Is.EqualTo(first.SessionId));
            Assert.That(audit[0].ActorId, Is.EqualTo(userId));
            Assert.That(audit[0].Outcome, Is.EqualTo("failed"));
            foreach (var pair in chain)
            {
                Assert.That(audit[0].Changes, Does.Not.Contain(pair.RefreshToken));
            }
        });
    }

    [Test]
    public async Task Replaying_a_middle_token_of_the_chain_is_reuse_too()
    {
        var email = NewEmail("reuse-middle");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        var second = await PairOfAsync(await RefreshAsync(first.RefreshToken));
        var third = await PairOfAsync(await RefreshAsync(second.RefreshToken));
        await PairOfAsync(await RefreshAsync(third.RefreshToken));

        await AssertProblemAsync(await RefreshAsync(second.RefreshToken), 401, "auth.refresh_token_reused");
        await AssertSessionRevokedAsync(third.AccessToken);
    }

    [Test]
    public async Task Without_an_overlap_window_presenting_the_previous_token_right_after_rotation_is_reuse()
    {
        var email = NewEmail("no-overlap");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        var second = await PairOfAsync(await RefreshAsync(first.RefreshToken));

        var again = await RefreshAsync(first.RefreshToken);

        await AssertProblemAsync(again, 401, "auth.refresh_token_reused");
        await AssertProblemAsync(await RefreshAsync(second.RefreshToken), 401, "auth.session_revoked");
        await AssertSessionRevokedAsync(second.AccessToken);
        Assert.That(await AuditRowsAsync("sessions.refresh_reuse_detected"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_replay_after_the_session_was_already_signed_out_is_session_revoked_and_no_new_reuse_is_recorded()
    {
        var email = NewEmail("reuse-twice");
        await RegisterAsync(email);
        var first = await SignInAsync(email);
        await PairOfAsync(await RefreshAsync(first.RefreshToken));
        await AssertProblemAsync(await RefreshAsync(first.RefreshToken), 401, "auth.refresh_token_reused");

        var again = await RefreshAsync(first.RefreshToken);

        await AssertProblemAsync(again, 401, "auth.session_revoked");
        Assert.That(await AuditRowsAsync("sessions.refresh_reuse_detected"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_refresh_token_is_401_invalid_refresh_token()
    {
        var response = await RefreshAsync("this-token-was-never-issued");

        await AssertProblemAsync(response, 401, "auth.invalid_refresh_token");
    }
}
