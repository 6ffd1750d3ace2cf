namespace Platform.Api.Endpoints;

public sealed record CreateTicketRequest(string? Subject, string? Body, string? Priority);
