using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Queries.GetTicket;
using Platform.Application.Tickets.Queries.ListTicketComments;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Common;

/// <summary>Behaviour a review found missing; each test failed before its fix.</summary>
public sealed class ReviewRegressionTests : ApplicationTestBase
{
    [Test]
    public async Task A_stored_fingerprint_is_keyed_so_it_cannot_be_used_to_test_password_guesses()
    {
        var command = new RegisterUserCommand("fp@example.com", "correct horse battery", "Fp", "reg-key");
        await App.SendAsync(command);

        var node = JsonSerializer.SerializeToNode(command, ApplicationJson.Options)!.AsObject();
        node.Remove("idempotency_key");
        var text = Encoding.UTF8.GetBytes("RegisterUserCommand\n" + node.ToJsonString(ApplicationJson.Options));
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData(text));
        var keyedWithHarnessKey = Convert.ToHexStringLower(HMACSHA256.HashData(Enumerable.Repeat((byte)7, 32).ToArray(), text));
        var stored = await FingerprintsAsync();

        // The same request under another instance's key gives another fingerprint: the key, not the text, decides.
        await Database.ResetAsync();
        await using (var otherKey = new Platform.Testing.ApplicationTestHost(Database, configure: services =>
            services.Configure<Application.Common.Idempotency.IdempotencyOptions>(o => o.FingerprintKey = [.. Enumerable.Repeat((byte)9, 32)])))
        {
            await otherKey.SendAsync(command);
        }

        var storedUnderOtherKey = await FingerprintsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(keyedWithHarnessKey));
            Assert.That(stored, Is.Not.EqualTo(unkeyed));
            Assert.That(storedUnderOtherKey, Is.Not.EqualTo(stored));
        });
    }

    private async Task<string> FingerprintsAsync()
    {
        await using var read = Database.DataSource.CreateCommand("SELECT request_fingerprint FROM idempotency_keys");
        return (string)(await read.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Concurrent_comments_on_one_ticket_all_succeed_and_leave_the_ticket_unchanged()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            App.SendAsync(new AddTicketCommentCommand(ticket.Id, $"Comment {i}"), i % 2 == 0 ? customer : agent)));

        var comments = await App.SendAsync(new ListTicketCommentsQuery(ticket.Id, PageSize: 50), customer);
        var after = await App.SendAsync(new GetTicketQuery(ticket.Id), customer);
        Assert.Multiple(() =>
        {
            Assert.That(comments.Total, Is.EqualTo(12));
            Assert.That(after, Is.EqualTo(ticket), "a comment does not change the ticket or its ETag");
        });
    }

    [Test]
    public async Task Text_with_a_nul_character_is_a_validation_error_not_a_server_error()
    {
        var customer = await CustomerAsync();

        var subject = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new CreateTicketCommand("a\0b", "x"), customer));
        var body = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new CreateTicketCommand("a", "x\0y"), customer));
        var email = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new IssueTokenCommand("a\0@example.com", "correct horse battery")));
        var lineBreaks = await App.SendAsync(new CreateTicketCommand("Multi-line", "first line\r\nsecond\tline"), customer);

        Assert.Multiple(() =>
        {
            Assert.That(subject!.Errors.Keys, Does.Contain("subject"));
            Assert.That(body!.Errors.Keys, Does.Contain("body"));
            Assert.That(email!.Errors.Keys, Does.Contain("email"));
            Assert.That(lineBreaks.Body, Is.EqualTo("first line\r\nsecond\tline"));
        });
    }

    [Test]
    public async Task The_last_admin_cannot_remove_their_own_admin_role_but_may_once_another_admin_exists()
    {
        await App.SendAsync(new RegisterUserCommand("root@example.com", "correct horse battery", "Root"));
        var registered = await App.SendAsync(new Platform.Application.Identity.Commands.MarkEmailVerified.MarkEmailVerifiedCommand("root@example.com"));
        var root = new Platform.Testing.TestUser(registered.Id, registered.Email, registered.Roles);
        var colleague = await CustomerAsync();

        var refused = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new SetUserRolesCommand(root.Id, [Role.Customer]), root));
        await App.SendAsync(new SetUserRolesCommand(colleague.Id, [Role.Admin]), root);
        var demoted = await App.SendAsync(new SetUserRolesCommand(root.Id, [Role.Customer]), root);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Code, Is.EqualTo("users.last_admin"));
            Assert.That(demoted.Roles, Is.EqualTo(new[] { Role.Customer }));
        });
    }
}
