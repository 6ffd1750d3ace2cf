using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests;

/// <summary>POST /api/v1/auth/password: the current password is required, and every other session is signed out.</summary>
public sealed class PasswordChangeApiTests : SessionApiTestBase
{
    private async Task<HttpResponseMessage> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword)
    {
        using var client = Client(accessToken);
        var body = new JsonObject { ["current_password"] = currentPassword, ["new_password"] = newPassword };
        return await SendAsync(client, HttpMethod.Post, "/api/v1/auth/password", body.ToJsonString());
    }

    [Test]
    public async Task A_wrong_current_password_is_400_for_current_password_and_changes_nothing()
    {
        var email = NewEmail("wrong-current");
        await RegisterAsync(email);
        var caller = await SignInAsync(email, deviceName: "Caller");
        var other = await SignInAsync(email, deviceName: "Other");

        var response = await ChangePasswordAsync(caller.AccessToken, "not my password at all", NewPassword);

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "current_password" }), problem.ToJsonString());
        await AssertSignedInAsync(other.AccessToken, "A refused change signs nobody out.");
        await SignInAsync(email, Password);
        await AssertProblemAsync(await TrySignInAsync(email, NewPassword), 401, "auth.invalid_credentials");
        Assert.That(await AuditRowsAsync("users.change_password"), Is.Empty);
    }

    [TestCase("short", TestName = "A_new_password_under_10_characters_is_400_for_new_password")]
    [TestCase(Password, TestName = "A_new_password_equal_to_the_current_one_is_400_for_new_password")]
    public async Task An_unacceptable_new_password_is_400_for_new_password(string newPassword)
    {
        var email = NewEmail("bad-new");
        await RegisterAsync(email);
        var caller = await SignInAsync(email);
        var other = await SignInAsync(email);

        var response = await ChangePasswordAsync(caller.AccessToken, Password, newPassword);

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "new_password" }), problem.ToJsonString());
        await AssertSignedInAsync(other.AccessToken, "A refused change signs nobody out.");
        await SignInAsync(email, Password);
    }

    [Test]
    public async Task A_change_signs_out_every_other_session_keeps_the_callers_and_only_the_new_password_signs_in()
    {
        var email = NewEmail("change");
        var userId = await RegisterAsync(email);
        var caller = await SignInAsync(email, deviceName: "Caller");
        var phone = await SignInAsync(email, deviceName: "Phone");
        var tablet = await SignInAsync(email, deviceName: "Tablet");

        var response = await ChangePasswordAsync(caller.AccessToken, Password, NewPassword);

        Assert.That(await RevokedCountOfAsync(response), Is.EqualTo(2));
        foreach (var other in new[] { phone, tablet })
        {
            await AssertSessionRevokedAsync(other.AccessToken);
            await AssertProblemAsync(await RefreshAsync(other.RefreshToken), 401, "auth.session_revoked");
        }

        await AssertSignedInAsync(caller.AccessToken, "The device that changed the password stays signed in.");
        await PairOfAsync(await RefreshAsync(caller.RefreshToken));
        await AssertProblemAsync(await TrySignInAsync(email, Password), 401, "auth.invalid_credentials");
        await SignInAsync(email, NewPassword);

        var audit = await AuditRowsAsync("users.change_password");
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(audit[0].ActorId, Is.EqualTo(userId));
            Assert.That(audit[0].Outcome, Is.EqualTo("succeeded"));
            Assert.That(audit[0].Changes, Does.Not.Contain(Password), "The audit log must never hold a password.");
            Assert.That(audit[0].Changes, Does.Not.Contain(NewPassword), "The audit log must never hold a password.");
        });
    }
}
