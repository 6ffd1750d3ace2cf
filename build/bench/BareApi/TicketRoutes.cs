using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace BareApi;

/// <summary>
/// Tickets as Platform shows them, with no caller: GET one, the newest-first list (an offset page with its total
/// without a cursor, a keyset page after one, as Platform pages) and a plain INSERT for POST.
/// </summary>
internal static class TicketRoutes
{
    private const string Columns = "id, subject, body, priority, status, requester_id, assignee_id, created_at, updated_at, version";
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    public static void MapTicketRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tickets/{id:guid}", GetTicket);
        app.MapGet("/api/v1/tickets", ListTickets);
        app.MapPost("/api/v1/tickets", CreateTicket);
    }

    private static async Task<IResult> GetTicket(Guid id, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM tickets WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? TypedResults.Ok(Read(reader)) : TypedResults.NotFound();
    }

    private static async Task<IResult> ListTickets(
        NpgsqlDataSource db,
        KeysetCursors cursors,
        string? cursor,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize || page is < 1 || (page is not null && cursor is not null))
        {
            return TypedResults.BadRequest();
        }

        if (cursor is not null)
        {
            if (!cursors.TryDecode(cursor, out var createdAt, out var id))
            {
                return TypedResults.BadRequest();
            }

            // Strictly after the cursor's (created_at, id); one row more than asked, to know whether a next page exists.
            await using var command = db.CreateCommand(
                $"SELECT {Columns} FROM tickets WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT $3");
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = createdAt });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = size + 1 });
            var rows = new List<Ticket>(size + 1);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(Read(reader));
                }
            }

            var hasMore = rows.Count > size;
            if (hasMore)
            {
                rows.RemoveAt(size);
            }

            return TypedResults.Ok(new TicketPage(rows, null, null, size, null, hasMore ? cursors.Encode(rows[^1].CreatedAt, rows[^1].Id) : null));
        }

        // The total and the page in one round trip.
        var number = page ?? 1;
        var skip = (long)(number - 1) * size;
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM tickets"));
        var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM tickets ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2");
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = size });
        select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = skip });
        batch.BatchCommands.Add(select);
        long total;
        var items = new List<Ticket>(size);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        var next = items.Count > 0 && skip + items.Count < total ? cursors.Encode(items[^1].CreatedAt, items[^1].Id) : null;
        return TypedResults.Ok(new TicketPage(items, total, number, size, (int)((total + size - 1) / size), next));
    }

    private static async Task<IResult> CreateTicket(NewTicket request, NpgsqlDataSource db, TicketDefaults defaults, CancellationToken cancellationToken)
    {
        var priority = request.Priority ?? "normal";
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 200
            || string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 20_000
            || !Priorities.Contains(priority))
        {
            return TypedResults.BadRequest();
        }

        // PostgreSQL keeps microseconds: answer with what a later read returns.
        var now = DateTime.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        var ticket = new Ticket(Guid.CreateVersion7(now), request.Subject, request.Body, priority, "open", defaults.RequesterId, null, now, now, 1);
        await using var command = db.CreateCommand($"INSERT INTO tickets ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8, $9)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ticket.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ticket.Subject });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ticket.Body });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ticket.Priority });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ticket.Status });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ticket.RequesterId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = ticket.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = ticket.UpdatedAt });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ticket.Version });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ticket);
    }

    private static Ticket Read(NpgsqlDataReader row) => new(
        row.GetGuid(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetGuid(5),
        row.IsDBNull(6) ? null : row.GetGuid(6),
        row.GetDateTime(7),
        row.GetDateTime(8),
        row.GetInt32(9));
}

/// <summary>Platform's TicketDto, field for field; the enums are the snake_case strings the table stores.</summary>
internal sealed record Ticket(
    Guid Id,
    string Subject,
    string Body,
    string Priority,
    string Status,
    Guid RequesterId,
    Guid? AssigneeId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version);

/// <summary>Platform's page: offset pages carry total, page and pages; keyset pages leave them out.</summary>
internal sealed record TicketPage(
    IReadOnlyList<Ticket> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Page,
    int PageSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Pages,
    string? NextCursor);

/// <summary>The body of POST /api/v1/tickets.</summary>
internal sealed record NewTicket(string? Subject, string? Body, string? Priority);

/// <summary>Who plain INSERTs file tickets for: there is no caller to take it from.</summary>
internal sealed record TicketDefaults(Guid RequesterId);
