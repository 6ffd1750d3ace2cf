using FluentValidation;
using MediatR;
using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Rules about MediatR requests: their handlers and validators (rule 2) and their shape (rule 6).</summary>
public static class RequestRules
{
    /// <summary>Concrete types implementing <see cref="IRequest{TResponse}"/>.</summary>
    public static IReadOnlyList<Type> Requests(IEnumerable<Type> types) =>
        types.Where(t => TypeFacts.IsConcrete(t) && TypeFacts.Implements(t, typeof(IRequest<>))).ToList();

    /// <summary>Concrete types implementing <see cref="IRequestHandler{TRequest, TResponse}"/> or <see cref="INotificationHandler{TNotification}"/>.</summary>
    public static IReadOnlyList<Type> Handlers(IEnumerable<Type> types) =>
        types.Where(t => TypeFacts.IsConcrete(t)
                && (TypeFacts.Implements(t, typeof(IRequestHandler<,>)) || TypeFacts.Implements(t, typeof(INotificationHandler<>))))
            .ToList();

    /// <summary>Concrete FluentValidation validators (<see cref="IValidator{T}"/>).</summary>
    public static IReadOnlyList<Type> Validators(IEnumerable<Type> types) =>
        types.Where(t => TypeFacts.IsConcrete(t) && TypeFacts.Implements(t, typeof(IValidator<>))).ToList();

    /// <summary>
    /// Rule 2: every concrete request in <paramref name="assemblyTypes"/> has exactly one handler and at least one
    /// validator among those same types. Handlers and validators must name the request exactly (a validator of a
    /// base type does not count).
    /// </summary>
    public static IReadOnlyList<Violation> FindRequestsWithoutOneHandlerAndAValidator(IEnumerable<Type> assemblyTypes)
    {
        var types = assemblyTypes.ToList();
        var handlers = Handlers(types);
        var validators = Validators(types);
        var violations = new List<Violation>();
        foreach (var request in Requests(types))
        {
            var handling = handlers
                .Where(h => TypeFacts.ClosedInterfaces(h, typeof(IRequestHandler<,>)).Any(i => i.GetGenericArguments()[0] == request))
                .ToList();
            if (handling.Count != 1)
            {
                var names = handling.Count == 0 ? "none" : string.Join(", ", handling.Select(TypeFacts.Display));
                violations.Add(new Violation(TypeFacts.Display(request), $"has {handling.Count} handlers, expected exactly 1 ({names})"));
            }

            var validating = validators
                .Count(v => TypeFacts.ClosedInterfaces(v, typeof(IValidator<>)).Any(i => i.GetGenericArguments()[0] == request));
            if (validating == 0)
            {
                violations.Add(new Violation(TypeFacts.Display(request), "has no validator (IValidator<TRequest>)"));
            }
        }

        return violations;
    }

    /// <summary>
    /// Rule 6: requests are sealed records in <c>{root}.{Feature}.Commands.{Name minus "Command"}</c> (commands,
    /// <see cref="ICommandBase"/>) or <c>{root}.{Feature}.Queries.{Name minus "Query"}</c> (queries,
    /// <see cref="IQuery{TResponse}"/>). A request that is neither has no folder convention and is reported too.
    /// </summary>
    public static IReadOnlyList<Violation> FindMisshapenRequests(IEnumerable<Type> types, string rootNamespace, string sharedFeature = "Common")
    {
        var violations = new List<Violation>();
        foreach (var request in Requests(types))
        {
            var name = TypeFacts.Display(request);
            if (!request.IsSealed)
            {
                violations.Add(new Violation(name, "is not sealed"));
            }

            if (!TypeFacts.IsRecordClass(request))
            {
                violations.Add(new Violation(name, "is not a record class"));
            }

            var isCommand = TypeFacts.Implements(request, typeof(ICommandBase));
            var isQuery = TypeFacts.Implements(request, typeof(IQuery<>));
            if (isCommand == isQuery)
            {
                violations.Add(new Violation(name, isCommand
                    ? "is both a command and a query"
                    : "is neither a command (ICommand<T>) nor a query (IQuery<T>), so it has no folder convention"));
                continue;
            }

            var (kind, suffix) = isCommand ? ("Commands", "Command") : ("Queries", "Query");
            var plain = TypeFacts.PlainName(request);
            if (!plain.EndsWith(suffix, StringComparison.Ordinal) || plain.Length == suffix.Length)
            {
                violations.Add(new Violation(name, $"must be named <Name>{suffix} to map to a folder"));
                continue;
            }

            var folder = plain[..^suffix.Length];
            var ns = request.Namespace ?? string.Empty;
            var prefix = rootNamespace + ".";
            var segments = ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.') : [];
            var matches = segments.Length == 3
                && segments[0].Length > 0
                && segments[0] != sharedFeature
                && segments[1] == kind
                && segments[2] == folder;
            if (!matches)
            {
                violations.Add(new Violation(name, $"lives in namespace '{ns}', expected {rootNamespace}.<Feature>.{kind}.{folder}"));
            }
        }

        return violations;
    }
}
