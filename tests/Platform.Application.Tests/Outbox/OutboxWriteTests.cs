using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Messaging;
using Platform.Application.Identity.Commands.ChangePassword;
using Platform.Application.Identity.Commands.DisableUser;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Status.Commands.RecordStatusEvent;
using Platform.Application.Tests.Identity;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Domain.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Outbox;

/// <summary>Integration events are outbox rows written in the command's own transaction: there exactly when the change is.</summary>
public sealed class OutboxWriteTests : ApplicationTestBase
{
    [Test]
    public async Task Creating_a_ticket_writes_one_tickets_created_row_carrying_the_ticket_as_the_api_shows_it()
    {
        var customer = await CustomerAsync();

        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", "high"), customer);

        var rows = await OutboxAsync();
        Assert.That(rows.Select(r => r.Type), Is.EqualTo(new[] { "tickets.created" }));
        var payload = rows[0].Payload.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("id").GetGuid(), Is.EqualTo(ticket.Id));
            Assert.That(payload.GetProperty("subject").GetString(), Is.EqualTo("Printer"));
            Assert.That(payload.GetProperty("priority").GetString(), Is.EqualTo("high"));
            Assert.That(payload.GetProperty("requester_id").GetGuid(), Is.EqualTo(customer.Id));
            Assert.That(payload.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(rows[0].Status, Is.EqualTo("pending"));
            Assert.That(payload.TryGetProperty("Subject", out _), Is.False, "snake_case, as on the wire");
        });
    }

    [Test]
    public async Task A_command_that_fails_after_its_change_leaves_no_outbox_row()
    {
        var customer = await CustomerAsync();
        await using var failing = new ApplicationTestHost(Database, configure: services =>
        {
            var transaction = services.Single(d => d.ServiceType == typeof(IPipelineBehavior<,>) && d.ImplementationType!.Name.StartsWith("TransactionBehaviour", StringComparison.Ordinal));
            services.Insert(services.IndexOf(transaction) + 1, ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(FailAfterHandlerBehaviour<,>)));
        });

        Assert.ThrowsAsync<InvalidOperationException>(() => failing.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer));

        Assert.Multiple(async () =>
        {
            Assert.That(await Database.CountAsync("tickets"), Is.Zero);
            Assert.That(await Database.CountAsync("outbox_messages"), Is.Zero, "the event of a command that failed is never sent");
        });
    }

    [Test]
    public async Task A_command_refused_by_a_rule_writes_no_outbox_row()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(new UpdateTicketCommand(ticket.Id, default, default, default, new Optional<string?>("closed"), default), customer);
        var before = await Database.CountAsync("outbox_messages");

        Assert.ThrowsAsync<Domain.Common.DomainException>(() => App.SendAsync(new AddTicketCommentCommand(ticket.Id, "hello?"), customer));

        Assert.That(await Database.CountAsync("outbox_messages"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_patch_that_edits_and_moves_a_ticket_writes_one_updated_and_one_status_changed_row_with_the_final_ticket()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        await App.SendAsync(new UpdateTicketCommand(ticket.Id, "Printer (3rd floor)", default, "urgent", new Optional<string?>("pending"), new Optional<Guid?>(agent.Id)), agent);

        var rows = (await OutboxAsync()).Where(r => r.Type != "tickets.created").ToList();
        Assert.That(rows.Select(r => r.Type).Order(), Is.EqualTo(new[] { "tickets.status_changed", "tickets.updated" }));
        foreach (var row in rows)
        {
            var payload = row.Payload.RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(payload.GetProperty("subject").GetString(), Is.EqualTo("Printer (3rd floor)"));
                Assert.That(payload.GetProperty("status").GetString(), Is.EqualTo("pending"));
                Assert.That(payload.GetProperty("assignee_id").GetGuid(), Is.EqualTo(agent.Id));
                Assert.That(payload.GetProperty("version").GetInt32(), Is.EqualTo(4), "the ticket after the whole command: three changes");
            });
        }
    }

    [Test]
    public async Task A_comment_writes_a_comment_added_row()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        var comment = await App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Still burning"), customer);

        var row = (await OutboxAsync()).Single(r => r.Type == "tickets.comment_added");
        Assert.Multiple(() =>
        {
            Assert.That(row.Payload.RootElement.GetProperty("id").GetGuid(), Is.EqualTo(comment.Id));
            Assert.That(row.Payload.RootElement.GetProperty("ticket_id").GetGuid(), Is.EqualTo(ticket.Id));
            Assert.That(row.Payload.RootElement.GetProperty("body").GetString(), Is.EqualTo("Still burning"));
        });
    }

    [Test]
    public async Task Status_events_and_incidents_write_their_rows()
    {
        var admin = await AdminAsync();
        var service = await App.SendAsync(new CreateMonitoredServiceCommand("api", "API"), admin);
        Assert.That(await OutboxAsync(), Is.Empty, "creating a service is not an integration event");

        await App.SendAsync(new RecordStatusEventCommand(service.Id, "degraded_performance", "Slow"), admin);
        await App.SendAsync(new CreateIncidentCommand("Errors", "investigating", "minor", [service.Id], "Looking", "partial_outage"), admin);

        var rows = await OutboxAsync();
        Assert.That(rows.Select(r => r.Type), Is.EquivalentTo(new[]
        {
            "status.service_status_changed", "status.service_status_changed", "status.incident_created",
        }));
        var statuses = rows.Where(r => r.Type == "status.service_status_changed").Select(r => r.Payload.RootElement.GetProperty("status").GetString());
        Assert.That(statuses, Is.EquivalentTo(new[] { "degraded_performance", "partial_outage" }));
    }

    [Test]
    public async Task Password_changes_disabled_accounts_and_refresh_token_reuse_write_their_rows_and_never_a_secret()
    {
        var admin = await AdminAsync();
        var user = await CustomerAsync();
        var tokens = await App.SignInAsync(user);
        var rotated = await App.RefreshAsync(tokens.RefreshToken!);
        Assert.That(await App.RefreshErrorAsync(tokens.RefreshToken!), Is.EqualTo("auth.refresh_token_reused"));
        await App.SendAsync(new ChangePasswordCommand(SessionTestSupport.Password, "another good passphrase"), user with { SessionId = rotated.SessionId });
        await App.SendAsync(new DisableUserCommand(user.Id), admin);

        var rows = await OutboxAsync();
        Assert.That(rows.Select(r => r.Type), Is.EqualTo(new[] { "sessions.refresh_reuse_detected", "users.password_changed", "users.disabled" }));
        var reuse = rows[0].Payload.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(reuse.GetProperty("id").GetGuid(), Is.EqualTo(tokens.SessionId));
            Assert.That(reuse.GetProperty("user_id").GetGuid(), Is.EqualTo(user.Id));
            Assert.That(reuse.GetProperty("revoke_reason").GetString(), Is.EqualTo(SessionRevokeReason.RefreshTokenReused));
            Assert.That(rows[2].Payload.RootElement.GetProperty("disabled_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        });
        var all = string.Join('\n', rows.Select(r => r.Payload.RootElement.GetRawText()));
        Assert.That(all, Does.Not.Contain(tokens.RefreshToken!).And.Not.Contain(rotated.RefreshToken!).And.Not.Contain("password_hash").And.Not.Contain("another good passphrase"));
    }

    private async Task<List<(string Type, string Status, JsonDocument Payload)>> OutboxAsync()
    {
        var rows = new List<(string, string, JsonDocument)>();
        await using var command = Database.DataSource.CreateCommand("SELECT type, status, payload::text FROM outbox_messages WHERE type <> 'identity.account_mail_requested' ORDER BY occurred_at, id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), JsonDocument.Parse(reader.GetString(2))));
        }

        return rows;
    }

    private sealed class FailAfterHandlerBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
        where TRequest : IRequest<TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            var response = await next();
            return request is CreateTicketCommand ? throw new InvalidOperationException("Simulated failure after the handler.") : response;
        }
    }
}
