using System.Net.Http.Json;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Weak passwords are refused at registration and change (reset: AccountLifecycleTests) with zxcvbn's findings; token
/// responses are never cacheable; and with <c>Auth:RequireVerifiedEmail</c> an unverified address cannot sign in with
/// its password.
/// </summary>
public sealed class PasswordStrengthApiTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:RequireVerifiedEmail"] = "true" };

    private async Task<HttpResponseMessage> RegisterAsync(string email, string password, string displayName = "Otto")
    {
        using var anonymous = Client();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password, display_name = displayName });
    }

    [TestCase("password123")]
    [TestCase("1234567890")]
    [TestCase("qwertyuiop")]
    [TestCase("hunter2 hunter2")]
    public async Task Common_and_patterned_passwords_are_refused_at_registration_with_the_reasons(string password)
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";

        var problem = await AssertProblemAsync(await RegisterAsync(email, password), 400, "validation.failed");

        var messages = problem["errors"]!["password"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.That(messages[0], Does.StartWith("password is too easy to guess"));
        Assert.That(messages, Has.Count.GreaterThan(2), "zxcvbn's findings and a suggestion follow");
        Assert.That(string.Join(" ", messages), Does.Not.Contain(password), "the messages never repeat the password");
        Assert.That(await Database.CountAsync("users"), Is.Zero);
    }

    [Test]
    public async Task A_password_with_the_name_or_the_local_part_of_the_email_is_refused()
    {
        var byLocalPart = await AssertProblemAsync(await RegisterAsync("marguerite@example.com", "marguerite violet tractor"), 400, "validation.failed");
        var byName = await AssertProblemAsync(await RegisterAsync("someone@example.com", "violet Theodora tractor", "Theodora"), 400, "validation.failed");

        Assert.Multiple(() =>
        {
            Assert.That(byLocalPart["errors"]!["password"]![0]!.GetValue<string>(), Does.Contain("must not contain your name"));
            Assert.That(byName["errors"]!["password"]![0]!.GetValue<string>(), Does.Contain("must not contain your name"));
        });
    }

    [Test]
    public async Task A_weak_new_password_is_refused_on_change_and_the_old_one_keeps_working()
    {
        var email = $"change-{Guid.NewGuid():N}@example.com";
        Assert.That((int)(await RegisterAsync(email, Password)).StatusCode, Is.EqualTo(201));
        await Factory.VerifyEmailAsync(email);
        using var client = Client(await TokenAsync(email));

        var problem = await AssertProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/password", new { current_password = Password, new_password = "password123" }), 400, "validation.failed");

        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "new_password" }));
        Assert.That(await TokenAsync(email), Is.Not.Empty);
    }

    [Test]
    public async Task An_unverified_address_cannot_sign_in_with_its_password_once_verification_is_required()
    {
        var email = $"unverified-{Guid.NewGuid():N}@example.com";
        Assert.That((int)(await RegisterAsync(email, Password)).StatusCode, Is.EqualTo(201));
        using var anonymous = Client();

        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the right one" });
        await Factory.VerifyEmailAsync(email);
        var allowed = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });

        await AssertProblemAsync(refused, 403, "auth.email_unverified");
        await AssertProblemAsync(wrong, 401, "auth.invalid_credentials");
        Assert.That((int)allowed.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Token_responses_and_their_refusals_are_sent_with_no_store()
    {
        var email = $"cache-{Guid.NewGuid():N}@example.com";
        Assert.That((int)(await RegisterAsync(email, Password)).StatusCode, Is.EqualTo(201));
        await Factory.VerifyEmailAsync(email);
        using var anonymous = Client();

        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = (await JsonAsync(token))["refresh_token"]!.GetValue<string>() });
        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the right one" });
        var otp = await anonymous.PostAsJsonAsync("/api/v1/auth/otp/verify", new { email, code = "123456" });
        var me = await anonymous.GetAsync("/api/v1/status");

        Assert.Multiple(() =>
        {
            foreach (var (name, response) in new[] { ("token", token), ("refresh", refresh), ("refused sign-in", refused), ("otp verify", otp) })
            {
                Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("no-store"), name);
                Assert.That(response.Headers.Pragma.ToString(), Is.EqualTo("no-cache"), name);
            }

            Assert.That((int)refresh.StatusCode, Is.EqualTo(200));
            Assert.That((int)refused.StatusCode, Is.EqualTo(401));
            Assert.That((int)otp.StatusCode, Is.EqualTo(401));
            Assert.That(me.Headers.CacheControl?.NoStore, Is.Not.True, "other responses keep their own caching");
        });
    }
}
