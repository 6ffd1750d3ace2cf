using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Application.Tickets.Queries.GetTicket;
using Platform.Application.Tickets.Queries.ListTicketComments;
using Platform.Domain.Common;
using Platform.Domain.Tickets;

namespace Platform.Application.Tests.Tickets;

public sealed class TicketCommandTests : ApplicationTestBase
{
    [Test]
    public async Task Creating_a_ticket_stores_it_open_with_normal_priority_for_the_requester()
    {
        var customer = await CustomerAsync();

        var ticket = await App.SendAsync(new CreateTicketCommand("  Printer  ", "On fire"), customer);
        var read = await App.SendAsync(new GetTicketQuery(ticket.Id), customer);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(ticket));
            Assert.That(read.Subject, Is.EqualTo("Printer"));
            Assert.That(read.Status, Is.EqualTo(TicketStatus.Open));
            Assert.That(read.Priority, Is.EqualTo(TicketPriority.Normal));
            Assert.That(read.RequesterId, Is.EqualTo(customer.Id));
            Assert.That(read.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public void Invalid_fields_are_reported_together_by_snake_case_name()
    {
        var error = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await App.SendAsync(new CreateTicketCommand(" ", new string('x', 20_001), "critical"), await CustomerAsync()));

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "subject", "body", "priority" }));
    }

    [Test]
    public async Task Anonymous_callers_cannot_create_tickets()
    {
        var error = Assert.ThrowsAsync<UnauthorizedException>(() => App.SendAsync(new CreateTicketCommand("Printer", "On fire")));
        Assert.Multiple(async () =>
        {
            Assert.That(error!.Code, Is.EqualTo("auth.unauthorized"));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task A_customer_cannot_see_or_change_another_customers_ticket_while_an_agent_can()
    {
        var alice = await CustomerAsync();
        var bob = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Alice's", "Private"), alice);

        var get = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetTicketQuery(ticket.Id), bob));
        var patch = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(Patch(ticket.Id, subject: "Mine now"), bob));
        var comment = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Hi"), bob));
        var comments = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ListTicketCommentsQuery(ticket.Id), bob));
        var seen = await App.SendAsync(new GetTicketQuery(ticket.Id), agent);

        Assert.Multiple(() =>
        {
            Assert.That(new[] { get!.Code, patch!.Code, comment!.Code, comments!.Code }, Is.All.EqualTo("tickets.not_found"));
            Assert.That(seen.Id, Is.EqualTo(ticket.Id));
        });
    }

    [Test]
    public async Task A_merge_patch_changes_only_the_fields_it_names_and_bumps_the_version()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", "low"), customer);
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await App.SendAsync(Patch(ticket.Id, subject: "Printer (3rd floor)"), customer);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Subject, Is.EqualTo("Printer (3rd floor)"));
            Assert.That(updated.Body, Is.EqualTo("On fire"));
            Assert.That(updated.Priority, Is.EqualTo(TicketPriority.Low));
            Assert.That(updated.Version, Is.EqualTo(2));
            Assert.That(updated.UpdatedAt, Is.GreaterThan(ticket.UpdatedAt.AddSeconds(59)));
            Assert.That(updated.CreatedAt, Is.EqualTo(ticket.CreatedAt));
        });
    }

    [Test]
    public async Task A_stale_expected_version_is_a_precondition_failure_and_changes_nothing()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(Patch(ticket.Id, subject: "First edit", version: 1), customer);

        var error = Assert.ThrowsAsync<PreconditionFailedException>(() => App.SendAsync(Patch(ticket.Id, subject: "Lost update", version: 1), customer));
        var read = await App.SendAsync(new GetTicketQuery(ticket.Id), customer);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo("precondition.failed"));
            Assert.That(read.Subject, Is.EqualTo("First edit"));
            Assert.That(read.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Concurrent_edits_with_the_same_version_let_exactly_one_win()
    {
        var customer = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await App.SendAsync(Patch(ticket.Id, subject: $"Edit {i}", version: 1), customer);
                return "ok";
            }
            catch (PreconditionFailedException)
            {
                return "412";
            }
        }));

        var read = await App.SendAsync(new GetTicketQuery(ticket.Id), customer);
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == "ok"), Is.EqualTo(1));
            Assert.That(read.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Staff_assign_only_to_agents_or_admins()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        var error = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(Patch(ticket.Id, assignee: customer.Id), agent));
        var unknown = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(Patch(ticket.Id, assignee: Guid.NewGuid()), agent));
        var assigned = await App.SendAsync(Patch(ticket.Id, assignee: agent.Id), agent);
        var unassigned = await App.SendAsync(UnassignPatch(ticket.Id), agent);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Errors.Keys, Does.Contain("assignee_id"));
            Assert.That(unknown!.Errors.Keys, Does.Contain("assignee_id"));
            Assert.That(assigned.AssigneeId, Is.EqualTo(agent.Id));
            Assert.That(unassigned.AssigneeId, Is.Null);
        });
    }

    [Test]
    public async Task A_customer_may_close_their_ticket_but_not_resolve_or_assign_it()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        var resolve = Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Patch(ticket.Id, status: "resolved"), customer));
        var assign = Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Patch(ticket.Id, assignee: agent.Id), customer));
        var closed = await App.SendAsync(Patch(ticket.Id, status: "closed"), customer);

        Assert.Multiple(() =>
        {
            Assert.That(resolve!.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(resolve.Kind, Is.EqualTo(DomainErrorKind.Forbidden));
            Assert.That(assign!.Code, Is.EqualTo("tickets.forbidden"));
            Assert.That(closed.Status, Is.EqualTo(TicketStatus.Closed));
        });
    }

    [Test]
    public async Task A_rejected_patch_changes_no_field_even_when_other_fields_were_valid()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(Patch(ticket.Id, status: "resolved"), agent);

        Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Patch(ticket.Id, subject: "Edited", status: "pending"), agent));
        var read = await App.SendAsync(new GetTicketQuery(ticket.Id), agent);

        Assert.Multiple(() =>
        {
            Assert.That(read.Subject, Is.EqualTo("Printer"));
            Assert.That(read.Status, Is.EqualTo(TicketStatus.Resolved));
        });
    }

    [Test]
    public async Task Comments_are_added_listed_newest_first_and_refused_on_closed_tickets()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Any update?"), customer);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await App.SendAsync(new AddTicketCommentCommand(ticket.Id, "On it."), agent);
        await App.SendAsync(Patch(ticket.Id, status: "closed"), agent);

        var page = await App.SendAsync(new ListTicketCommentsQuery(ticket.Id), customer);
        var closed = Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Reopen?"), customer));

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(c => c.Body), Is.EqualTo(new[] { "On it.", "Any update?" }));
            Assert.That(page.Items[0].AuthorId, Is.EqualTo(agent.Id));
            Assert.That(page.Total, Is.EqualTo(2));
            Assert.That(closed!.Code, Is.EqualTo("tickets.closed"));
        });
    }

    [Test]
    public async Task A_single_comment_is_readable_by_those_who_see_its_ticket()
    {
        var customer = await CustomerAsync();
        var stranger = await CustomerAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        var comment = await App.SendAsync(new AddTicketCommentCommand(ticket.Id, "Any update?"), customer);

        var read = await App.SendAsync(new Application.Tickets.Queries.GetTicketComment.GetTicketCommentQuery(ticket.Id, comment.Id), customer);
        var hidden = Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new Application.Tickets.Queries.GetTicketComment.GetTicketCommentQuery(ticket.Id, comment.Id), stranger));
        var missing = Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new Application.Tickets.Queries.GetTicketComment.GetTicketCommentQuery(ticket.Id, Guid.NewGuid()), customer));

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(comment));
            Assert.That(hidden!.Code, Is.EqualTo("tickets.not_found"));
            Assert.That(missing!.Code, Is.EqualTo("tickets.comment_not_found"));
        });
    }

    private static UpdateTicketCommand Patch(Guid id, string? subject = null, string? status = null, Guid? assignee = null, int? version = null) =>
        new(
            id,
            subject is null ? default : new Optional<string?>(subject),
            default,
            default,
            status is null ? default : new Optional<string?>(status),
            assignee is null ? default : new Optional<Guid?>(assignee),
            version is null ? null : [version.Value]);

    private static UpdateTicketCommand UnassignPatch(Guid id) =>
        new(id, default, default, default, default, new Optional<Guid?>(null));
}
