using System.Text.Json;
using NUnit.Framework;
using Platform.Application.Auditing.Queries.ListAuditEntries;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Domain.Common;

namespace Platform.Application.Tests.Auditing;

public sealed class AuditTests : ApplicationTestBase
{
    [Test]
    public async Task An_audited_command_writes_one_row_naming_actor_action_resource_and_request()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", "urgent"), customer);
        var admin = await AdminAsync();

        var page = await App.SendAsync(new ListAuditEntriesQuery(Action: "tickets.create"), admin);

        var row = page.Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.ActorId, Is.EqualTo(customer.Id));
            Assert.That(row.ResourceType, Is.EqualTo("ticket"));
            Assert.That(row.ResourceId, Is.EqualTo(ticket.Id));
            Assert.That(row.Outcome, Is.EqualTo(AuditOutcome.Succeeded));
            Assert.That(row.RequestId, Is.Not.Null.And.Not.Empty);
            Assert.That(row.TraceId, Has.Length.EqualTo(32));
            Assert.That(row.Changes.GetProperty("subject").GetString(), Is.EqualTo("Printer"));
            Assert.That(row.Changes.GetProperty("priority").GetString(), Is.EqualTo("urgent"));
            Assert.That(row.Changes.TryGetProperty("audit_action", out _), Is.False, "pipeline metadata is not a change");
        });
    }

    [Test]
    public async Task A_command_that_fails_writes_no_audit_row()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(Status(ticket.Id, "closed"), customer);
        var before = await Database.CountAsync("audit_log");

        Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Status(ticket.Id, "open"), customer));

        Assert.That(await Database.CountAsync("audit_log"), Is.EqualTo(before));
    }

    [Test]
    public async Task Passwords_never_reach_the_audit_log()
    {
        await App.SendAsync(new RegisterUserCommand("secret@example.com", "my very secret password", "Sec"));

        await using var command = Database.DataSource.CreateCommand("SELECT changes::text FROM audit_log WHERE action = 'users.register'");
        var changes = (string)(await command.ExecuteScalarAsync())!;
        var json = JsonDocument.Parse(changes).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(changes, Does.Not.Contain("my very secret password"));
            Assert.That(json.GetProperty("password").GetString(), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(json.GetProperty("email").GetString(), Is.EqualTo("secret@example.com"));
        });
    }

    [Test]
    public async Task Only_admins_read_the_audit_log()
    {
        var agent = await AgentAsync();
        var error = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new ListAuditEntriesQuery(), agent));
        Assert.That(error!.Code, Is.EqualTo("auth.forbidden"));
    }

    [Test]
    public async Task The_audit_log_pages_by_keyset_newest_first_and_filters_by_actor_and_time()
    {
        var customer = await CustomerAsync();
        var other = await CustomerAsync();
        App.Clock.Freeze();
        var start = App.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await App.SendAsync(new CreateTicketCommand($"T{i}", "Body"), customer);
        }

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await App.SendAsync(new CreateTicketCommand("Other", "Body"), other);
        var admin = await AdminAsync();

        var first = await App.SendAsync(new ListAuditEntriesQuery(ActorId: customer.Id, Action: "tickets.create", PageSize: 2), admin);
        var second = await App.SendAsync(new ListAuditEntriesQuery(ActorId: customer.Id, Action: "tickets.create", PageSize: 2, Cursor: first.NextCursor), admin);
        var third = await App.SendAsync(new ListAuditEntriesQuery(ActorId: customer.Id, Action: "tickets.create", PageSize: 2, Cursor: second.NextCursor), admin);
        var window = await App.SendAsync(new ListAuditEntriesQuery(Action: "tickets.create", From: start.AddSeconds(2), To: start.AddSeconds(4)), admin);

        var subjects = first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Changes.GetProperty("subject").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(subjects, Is.EqualTo(new[] { "T4", "T3", "T2", "T1", "T0" }));
            Assert.That(third.NextCursor, Is.Null);
            Assert.That(first.Total, Is.Null, "keyset pages carry no total");
            Assert.That(window.Items.Select(a => a.Changes.GetProperty("subject").GetString()), Is.EqualTo(new[] { "T2", "T1" }));
        });
    }

    private static UpdateTicketCommand Status(Guid id, string status) =>
        new(id, default, default, default, new Optional<string?>(status), default);
}
