using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Auditing.Queries.ListAuditEntries;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Application.Identity.Commands.IssueToken;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Tests.Identity;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Domain.Common;
using Platform.Testing;

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
        await App.SendAsync(new RegisterUserCommand("audited@example.com", "my very secret password", "Sec"));

        await using var command = Database.DataSource.CreateCommand("SELECT changes::text FROM audit_log WHERE action = 'users.register'");
        var changes = (string)(await command.ExecuteScalarAsync())!;
        var json = JsonDocument.Parse(changes).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(changes, Does.Not.Contain("my very secret password"));
            Assert.That(json.GetProperty("password").GetString(), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(json.GetProperty("email").GetString(), Is.EqualTo("audited@example.com"));
        });
    }

    [Test]
    public async Task A_sign_in_attempt_that_its_handler_audits_is_redacted_too()
    {
        // Someone pastes a webhook secret into the email field: the failed attempt is audited by the sign-in handler
        // itself (no audit behaviour), with the email upper-cased by normalisation.
        var secret = SecretRulesTests.WebhookSecret();

        Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new IssueTokenCommand(secret, "whatever password")));

        var changes = await Database.ScalarAsync<string>("SELECT changes::text FROM audit_log WHERE action = 'auth.login_failed'");
        var json = JsonDocument.Parse(changes!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("email").GetString(), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(json.GetProperty("reason").GetString(), Is.EqualTo("unknown_account"));
            Assert.That(changes!.ToUpperInvariant(), Does.Not.Contain(secret[6..].ToUpperInvariant()));
        });
    }

    [Test]
    public async Task A_row_that_a_handler_writes_without_the_behaviour_is_redacted_at_every_depth()
    {
        var secret = SecretRulesTests.WebhookSecret();
        await using var app = new ApplicationTestHost(Database, configure: services =>
        {
            services.AddScoped<IRequestHandler<WriteOwnAuditRowCommand, Guid>, WriteOwnAuditRowCommandHandler>();
            services.AddSingleton<IValidator<WriteOwnAuditRowCommand>, WriteOwnAuditRowCommandValidator>();
        });

        var id = await app.SendAsync(new WriteOwnAuditRowCommand(secret));

        var changes = await Database.ScalarAsync<string>("SELECT changes::text FROM audit_log WHERE resource_id = $1", id);
        var json = JsonDocument.Parse(changes!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(changes, Does.Not.Contain(secret[6..]).And.Not.Contain("opaque-"));
            Assert.That(json.GetProperty("webhook").GetProperty("signing_secret").GetString(), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(json.GetProperty("webhook").GetProperty("url").GetString(), Is.EqualTo("https://hooks.example.com/in"));
            Assert.That(json.GetProperty("attempts")[0].GetProperty("authorization").GetString(), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(json.GetProperty("attempts")[1].GetProperty("note").GetString(), Is.EqualTo("retried with [redacted]"));
            Assert.That(json.GetProperty("attempts")[1].GetProperty("status").GetInt32(), Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Refresh_token_reuse_keeps_the_token_timestamps_but_no_token()
    {
        var user = await CustomerAsync();
        var tokens = await App.SignInAsync(user);
        await App.RefreshAsync(tokens.RefreshToken!);

        Assert.That(await App.RefreshErrorAsync(tokens.RefreshToken!), Is.EqualTo("auth.refresh_token_reused"));

        var changes = await Database.ScalarAsync<string>("SELECT changes::text FROM audit_log WHERE action = 'sessions.refresh_reuse_detected'");
        var json = JsonDocument.Parse(changes!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("token_issued_at").GetDateTimeOffset(), Is.LessThanOrEqualTo(json.GetProperty("token_rotated_at").GetDateTimeOffset()));
            Assert.That(changes, Does.Not.Contain(tokens.RefreshToken!));
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

    /// <summary>A test-only command whose handler writes its own audit row, as sign-in and the maintenance job do.</summary>
    [AllowAnonymousRequest]
    internal sealed record WriteOwnAuditRowCommand(string SigningSecret) : ICommand<Guid>;

    internal sealed class WriteOwnAuditRowCommandValidator : AbstractValidator<WriteOwnAuditRowCommand>;

    internal sealed class WriteOwnAuditRowCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, IRequestContext requestContext, TimeProvider time)
        : IRequestHandler<WriteOwnAuditRowCommand, Guid>
    {
        public async Task<Guid> Handle(WriteOwnAuditRowCommand request, CancellationToken cancellationToken)
        {
            var id = Guid.CreateVersion7();
            AuditLog.Add(db, currentUser, requestContext, time.GetUtcNowMicros(), "tests.own_row", "test", id, AuditOutcome.Succeeded, new
            {
                webhook = new { url = "https://hooks.example.com/in", signing_secret = request.SigningSecret },
                attempts = new object[]
                {
                    new { authorization = "opaque-credential", status = 401 },
                    new { note = $"retried with {request.SigningSecret}", status = 200 },
                },
            });
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
    }
}
