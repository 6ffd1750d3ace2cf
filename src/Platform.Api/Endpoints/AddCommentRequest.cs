using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Application.Tickets.Queries.GetTicket;
using Platform.Application.Tickets.Queries.GetTicketComment;
using Platform.Application.Tickets.Queries.ListTicketComments;
using Platform.Application.Tickets.Queries.ListTickets;

namespace Platform.Api.Endpoints;

public sealed record AddCommentRequest(string? Body);
