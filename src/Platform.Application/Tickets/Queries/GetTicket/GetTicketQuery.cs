using Platform.Application.Common.Messaging;

namespace Platform.Application.Tickets.Queries.GetTicket;

public sealed record GetTicketQuery(Guid TicketId) : IQuery<TicketDto>;
