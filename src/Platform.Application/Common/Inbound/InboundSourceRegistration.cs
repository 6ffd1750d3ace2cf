namespace Platform.Application.Common.Inbound;

/// <summary>One source and its handler, as <c>AddInboundSource</c> registered them.</summary>
public sealed record InboundSourceRegistration(Type SourceType, Type HandlerType);
