using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Application.Tickets.Queries.ListTickets;

namespace Platform.Application.Tests.Tickets;

public sealed class TicketListTests : ApplicationTestBase
{
    [Test]
    public async Task Customers_list_only_their_own_tickets_and_staff_list_all()
    {
        var alice = await CustomerAsync();
        var bob = await CustomerAsync();
        var agent = await AgentAsync();
        await App.SendAsync(new CreateTicketCommand("A1", "x"), alice);
        await App.SendAsync(new CreateTicketCommand("A2", "x"), alice);
        await App.SendAsync(new CreateTicketCommand("B1", "x"), bob);

        var alices = await App.SendAsync(new ListTicketsQuery(), alice);
        var all = await App.SendAsync(new ListTicketsQuery(), agent);

        Assert.Multiple(() =>
        {
            Assert.That(alices.Items.Select(t => t.Subject), Is.EquivalentTo(new[] { "A1", "A2" }));
            Assert.That(alices.Total, Is.EqualTo(2));
            Assert.That(all.Total, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Lists_are_newest_first_and_filter_by_status_priority_and_assignee()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var low = await App.SendAsync(new CreateTicketCommand("Low", "x", "low"), customer);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var urgent = await App.SendAsync(new CreateTicketCommand("Urgent", "x", "urgent"), customer);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var assigned = await App.SendAsync(new CreateTicketCommand("Assigned", "x"), customer);
        await App.SendAsync(new UpdateTicketCommand(assigned.Id, default, default, default, new Optional<string?>("pending"), new Optional<Guid?>(agent.Id)), agent);

        var all = await App.SendAsync(new ListTicketsQuery(), agent);
        var byPriority = await App.SendAsync(new ListTicketsQuery(Priority: "urgent"), agent);
        var byStatus = await App.SendAsync(new ListTicketsQuery(Status: "pending"), agent);
        var byAssignee = await App.SendAsync(new ListTicketsQuery(AssigneeId: agent.Id), agent);
        var open = await App.SendAsync(new ListTicketsQuery(Status: "open"), agent);

        Assert.Multiple(() =>
        {
            Assert.That(all.Items.Select(t => t.Subject), Is.EqualTo(new[] { "Assigned", "Urgent", "Low" }));
            Assert.That(byPriority.Items.Select(t => t.Id), Is.EqualTo(new[] { urgent.Id }));
            Assert.That(byStatus.Items.Select(t => t.Id), Is.EqualTo(new[] { assigned.Id }));
            Assert.That(byAssignee.Items.Select(t => t.Id), Is.EqualTo(new[] { assigned.Id }));
            Assert.That(open.Items.Select(t => t.Id), Is.EqualTo(new[] { urgent.Id, low.Id }));
        });
    }

    [Test]
    public async Task Offset_pages_report_total_and_pages_and_a_page_past_the_end_is_empty()
    {
        var customer = await CustomerAsync();
        for (var i = 0; i < 5; i++)
        {
            App.Clock.Tick();
            await App.SendAsync(new CreateTicketCommand($"T{i}", "x"), customer);
        }

        var second = await App.SendAsync(new ListTicketsQuery(Page: 2, PageSize: 2), customer);
        var last = await App.SendAsync(new ListTicketsQuery(Page: 3, PageSize: 2), customer);
        var past = await App.SendAsync(new ListTicketsQuery(Page: 9, PageSize: 2), customer);

        Assert.Multiple(() =>
        {
            Assert.That(second.Items.Select(t => t.Subject), Is.EqualTo(new[] { "T2", "T1" }));
            Assert.That(second.Total, Is.EqualTo(5));
            Assert.That(second.Pages, Is.EqualTo(3));
            Assert.That(second.NextCursor, Is.Not.Null);
            Assert.That(last.Items.Select(t => t.Subject), Is.EqualTo(new[] { "T0" }));
            Assert.That(last.NextCursor, Is.Null);
            Assert.That(past.Items, Is.Empty);
            Assert.That(past.Total, Is.EqualTo(5));
            Assert.That(past.Pages, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task An_empty_list_has_zero_pages()
    {
        var page = await App.SendAsync(new ListTicketsQuery(), await CustomerAsync());
        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(0));
            Assert.That(page.Pages, Is.EqualTo(0));
            Assert.That(page.NextCursor, Is.Null);
        });
    }

    [Test]
    public async Task Keyset_pages_neither_skip_nor_repeat_rows_while_new_rows_are_inserted()
    {
        var customer = await CustomerAsync();
        var original = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            App.Clock.Tick();
            original.Add((await App.SendAsync(new CreateTicketCommand($"T{i}", "x"), customer)).Id);
        }

        var seen = new List<TicketDto>();
        var page = await App.SendAsync(new ListTicketsQuery(PageSize: 3), customer);
        seen.AddRange(page.Items);
        var inserted = 0;
        while (page.NextCursor is not null)
        {
            // Newer rows arrive between pages; they must not shift what the cursor reads next.
            App.Clock.Tick();
            await App.SendAsync(new CreateTicketCommand($"New{inserted++}", "x"), customer);
            page = await App.SendAsync(new ListTicketsQuery(PageSize: 3, Cursor: page.NextCursor), customer);
            seen.AddRange(page.Items);
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(t => t.Id), Is.Unique);
            Assert.That(seen.Select(t => t.Id), Is.EqualTo(Enumerable.Reverse(original)));
            Assert.That(inserted, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Rows_created_in_the_same_instant_are_ordered_by_id_without_loss_across_pages()
    {
        var customer = await CustomerAsync();
        App.Clock.Freeze();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await App.SendAsync(new CreateTicketCommand($"Same{i}", "x"), customer)).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await App.SendAsync(new ListTicketsQuery(PageSize: 2, Cursor: cursor), customer);
            seen.AddRange(page.Items.Select(t => t.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        await using var distinct = Database.DataSource.CreateCommand("SELECT count(DISTINCT created_at) FROM tickets");
        Assert.Multiple(async () =>
        {
            Assert.That(await distinct.ExecuteScalarAsync(), Is.EqualTo(1L), "all rows share one created_at");
            Assert.That(seen, Is.EquivalentTo(ids).And.Unique);
        });
    }

    [Test]
    public async Task A_tampered_or_foreign_cursor_is_a_validation_error()
    {
        var customer = await CustomerAsync();
        for (var i = 0; i < 3; i++)
        {
            App.Clock.Tick();
            await App.SendAsync(new CreateTicketCommand($"T{i}", "x"), customer);
        }

        var page = await App.SendAsync(new ListTicketsQuery(PageSize: 1), customer);
        var cursor = page.NextCursor!;
        var tampered = (cursor[0] == 'A' ? "B" : "A") + cursor[1..];

        var edited = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListTicketsQuery(PageSize: 1, Cursor: tampered), customer));
        var garbage = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListTicketsQuery(PageSize: 1, Cursor: "not a cursor!"), customer));
        var foreign = Assert.ThrowsAsync<RequestValidationException>(() =>
            App.SendAsync(new Application.Tickets.Queries.ListTicketComments.ListTicketCommentsQuery(page.Items[0].Id, Cursor: cursor), customer));

        Assert.Multiple(() =>
        {
            Assert.That(edited!.Errors.Keys, Does.Contain("cursor"));
            Assert.That(garbage!.Errors.Keys, Does.Contain("cursor"));
            Assert.That(foreign!.Errors.Keys, Does.Contain("cursor"));
        });
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task Page_sizes_outside_1_to_100_are_refused(int size)
    {
        var customer = await CustomerAsync();
        var error = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListTicketsQuery(PageSize: size), customer));
        Assert.That(error!.Errors.Keys, Does.Contain("page_size"));
    }

    [Test]
    public async Task Page_zero_and_unknown_filters_are_refused()
    {
        var customer = await CustomerAsync();
        var error = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListTicketsQuery(Status: "Open", Priority: "meh", Page: 0), customer));
        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "page", "status", "priority" }));
    }
}
