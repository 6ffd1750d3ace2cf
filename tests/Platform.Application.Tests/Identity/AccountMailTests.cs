using Microsoft.Extensions.Options;
using NUnit.Framework;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Commands.SendAccountMail;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// The account-mail handler under redelivery (the outbox delivers at least once) and out-of-order delivery, and the
/// password strength rule by itself.
/// </summary>
public sealed class AccountMailTests : ApplicationTestBase
{
    private const string Password = "correct horse battery";

    [Test]
    public async Task A_redelivered_request_mails_once_and_keeps_the_mailed_token_alive()
    {
        await App.SendAsync(new RegisterUserCommand("ada@example.com", Password, "Ada"));
        var at = App.Clock.GetUtcNow();
        var request = new AccountMailRequestDto(AccountMailKinds.PasswordReset, "ada@example.com");
        var messageId = Guid.CreateVersion7();

        var first = await App.SendAsync(new SendAccountMailCommand(request, at, messageId));
        var tokenAfterFirst = await Database.ScalarAsync<string>("SELECT encode(token_hash, 'hex') FROM account_tokens WHERE purpose = 'password_reset'");
        var redelivered = await App.SendAsync(new SendAccountMailCommand(request, at, messageId));
        var older = await App.SendAsync(new SendAccountMailCommand(request, at.AddSeconds(-5), Guid.CreateVersion7()));

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.True);
            Assert.That(redelivered, Is.False, "a redelivery mails nothing");
            Assert.That(older, Is.False, "an older request delivered late never replaces a newer token");
            Assert.That(await Database.ScalarAsync<string>("SELECT encode(token_hash, 'hex') FROM account_tokens WHERE purpose = 'password_reset'"), Is.EqualTo(tokenAfterFirst));
            Assert.That(await Database.CountAsync("email_messages", "template = 'password_reset'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Unknown_disabled_and_suppressed_addresses_get_no_token_and_no_mail()
    {
        await App.SendAsync(new RegisterUserCommand("off@example.com", Password, "Off"));
        await App.SendAsync(new RegisterUserCommand("muted@example.com", Password, "Muted"));
        await using (var command = Database.DataSource.CreateCommand(
            "UPDATE users SET disabled_at = now() WHERE email = 'off@example.com'; INSERT INTO email_suppressions (email, reason, source, created_at) VALUES (upper('muted@example.com'), 'complaint', 'admin', now())"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var sent = new List<bool>();
        foreach (var email in new[] { "nobody@example.com", "off@example.com", "muted@example.com" })
        {
            sent.Add(await App.SendAsync(new SendAccountMailCommand(new AccountMailRequestDto(AccountMailKinds.PasswordReset, email), App.Clock.GetUtcNow(), Guid.CreateVersion7())));
        }

        Assert.That(sent, Is.All.False);
        Assert.That(await Database.CountAsync("account_tokens"), Is.Zero);
        Assert.That(await Database.CountAsync("email_messages"), Is.Zero);
    }

    [TestCase("password123", 3, false)]
    [TestCase("qwertyuiop", 3, false)]
    [TestCase("correct horse battery", 3, true)]
    [TestCase("hunter2 hunter2", 3, false)]
    [TestCase("hunter2 hunter2", 2, true)]
    public void Strength_follows_the_configured_minimum_score(string password, int minimum, bool accepted)
    {
        var strength = new PasswordStrength(Options.Create(new AuthOptions { PasswordMinimumScore = minimum }));

        var problems = strength.Problems(password, "someone@example.com", "Someone");

        Assert.That(problems, accepted ? Is.Empty : Is.Not.Empty);
    }
}
