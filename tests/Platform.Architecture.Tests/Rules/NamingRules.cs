using System.Text.RegularExpressions;
using Platform.Application.Common.Messaging;
using Quartz;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Rule 4: names say what a type is.</summary>
public static partial class NamingRules
{
    /// <summary>Concrete commands (<see cref="ICommandBase"/>) end with <c>Command</c>.</summary>
    public static IReadOnlyList<Violation> FindMisnamedCommands(IEnumerable<Type> types) =>
        Concrete(types)
            .Where(t => TypeFacts.Implements(t, typeof(ICommandBase)))
            .Where(t => !HasSuffix(t, "Command"))
            .Select(t => new Violation(TypeFacts.Display(t), "command must be named VerbNounCommand"))
            .ToList();

    /// <summary>Concrete queries (<see cref="IQuery{TResponse}"/>) are named <c>GetXQuery</c> or <c>ListXQuery</c>.</summary>
    public static IReadOnlyList<Violation> FindMisnamedQueries(IEnumerable<Type> types) =>
        Concrete(types)
            .Where(t => TypeFacts.Implements(t, typeof(IQuery<>)))
            .Where(t => !QueryName().IsMatch(TypeFacts.PlainName(t)))
            .Select(t => new Violation(TypeFacts.Display(t), "query must be named GetXQuery or ListXQuery"))
            .ToList();

    /// <summary>MediatR handlers end with <c>Handler</c>.</summary>
    public static IReadOnlyList<Violation> FindMisnamedHandlers(IEnumerable<Type> types) =>
        RequestRules.Handlers(UserWritten(types))
            .Where(t => !HasSuffix(t, "Handler"))
            .Select(t => new Violation(TypeFacts.Display(t), "handler must end with 'Handler'"))
            .ToList();

    /// <summary>FluentValidation validators end with <c>Validator</c>.</summary>
    public static IReadOnlyList<Violation> FindMisnamedValidators(IEnumerable<Type> types) =>
        RequestRules.Validators(UserWritten(types))
            .Where(t => !HasSuffix(t, "Validator"))
            .Select(t => new Violation(TypeFacts.Display(t), "validator must end with 'Validator'"))
            .ToList();

    /// <summary>Types named <c>*Dto</c> are record classes in the application assembly.</summary>
    public static IReadOnlyList<Violation> FindMisplacedOrNonRecordDtos(IEnumerable<Type> types, string applicationAssemblyName)
    {
        var violations = new List<Violation>();
        foreach (var dto in UserWritten(types).Where(t => HasSuffix(t, "Dto")))
        {
            var assemblyName = dto.Assembly.GetName().Name;
            if (assemblyName != applicationAssemblyName)
            {
                violations.Add(new Violation(TypeFacts.Display(dto), $"DTO lives in {assemblyName}, must live in {applicationAssemblyName}"));
            }

            if (!TypeFacts.IsRecordClass(dto))
            {
                violations.Add(new Violation(TypeFacts.Display(dto), "DTO must be a record"));
            }
        }

        return violations;
    }

    /// <summary>Quartz jobs (<see cref="IJob"/>) end with <c>Job</c>.</summary>
    public static IReadOnlyList<Violation> FindMisnamedJobs(IEnumerable<Type> types) =>
        Concrete(types)
            .Where(t => TypeFacts.Implements(t, typeof(IJob)))
            .Where(t => !HasSuffix(t, "Job"))
            .Select(t => new Violation(TypeFacts.Display(t), "Quartz job must be named VerbNounJob"))
            .ToList();

    private static IEnumerable<Type> UserWritten(IEnumerable<Type> types) => types.Where(TypeFacts.IsUserWritten);

    private static IEnumerable<Type> Concrete(IEnumerable<Type> types) => UserWritten(types).Where(TypeFacts.IsConcrete);

    /// <summary>Ends with the suffix and has something before it (a type called just "Dto" says nothing).</summary>
    private static bool HasSuffix(Type type, string suffix)
    {
        var name = TypeFacts.PlainName(type);
        return name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal);
    }

    [GeneratedRegex("^(Get|List)[A-Z][A-Za-z0-9]*Query$")]
    private static partial Regex QueryName();
}
