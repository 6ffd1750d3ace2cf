namespace Platform.Api.Endpoints;

public sealed record AddCommentRequest(string? Body);
