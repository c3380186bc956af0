//! Proof that the types which may grow can grow without breaking other crates: outside this
//! crate their structs cannot be built by a struct expression and their enums cannot be
//! matched without a wildcard arm. Each `compile_fail` doctest below fails for that reason
//! alone: a struct is rebuilt from a value of its own type (`T { ..x }`, which names no
//! field), and each enum's list of variants is proven complete by an exhaustive match inside
//! the crate (`tests` below), where `#[non_exhaustive]` does not apply.

/// Documents, once per struct, that it cannot be rebuilt outside the crate, and that its name
/// is right (a doctest that compiles).
#[cfg(doctest)]
macro_rules! fields_may_grow {
    ($($ty:ident),+ $(,)?) => {
        /// Structs whose fields may grow: build them with their constructors and `with_*`
        /// methods, or [`Default`], never by a struct expression.
        ///
        /// ```
        $(#[doc = concat!("fn _", stringify!($ty), "(x: jixiao::", stringify!($ty), ") -> jixiao::",
            stringify!($ty), " { x }")])+
        /// ```
        $(#[doc = concat!("```compile_fail\nfn rebuild(x: jixiao::", stringify!($ty), ") -> jixiao::",
            stringify!($ty), " {\n    jixiao::", stringify!($ty), " { ..x }\n}\n```")])+
        pub struct FieldsMayGrow;
    };
}

/// Documents, once per enum, that it cannot be matched without a wildcard outside the crate;
/// inside it, the same match proves the list of variants complete.
macro_rules! variants_may_grow {
    ($($ty:ident { $($variant:ident),+ $(,)? }),+ $(,)?) => {
        /// Enums whose variants may grow: a `match` needs a wildcard arm.
        ///
        $(#[doc = concat!("```compile_fail\nfn f(x: jixiao::", stringify!($ty), ") {\n    match x {\n",
            $("        jixiao::", stringify!($ty), "::", stringify!($variant), " => {}\n",)+
            "    }\n}\n```")])+
        #[cfg(doctest)]
        pub struct VariantsMayGrow;

        #[cfg(test)]
        #[allow(non_snake_case, dead_code)]
        mod tests {
            $(
                fn $ty(x: crate::$ty) {
                    match x {
                        $(crate::$ty::$variant => {})+
                    }
                }
            )+
        }
    };
}

#[cfg(doctest)]
fields_may_grow!(
    CheckConfig,
    Finding,
    Quantification,
    ProjectQuantification,
    Report,
    AssessConfig,
    Weights,
    QualitativeScores,
    GradeBands,
    IndicatorScore,
    BudgetScore,
    ProjectScore,
    Assessment,
    Directed,
    Diagnostic,
    Funding,
    Document,
    FundingUnit,
    Project,
    Execution,
    Indicator,
    TextCell,
    IndicatorList,
);

variants_may_grow!(
    Kind {
        Compare,
        Range,
        Date,
        Relative,
        Rank,
        Qualitative,
        Compound,
        Text
    },
    Baseline {
        PreviousYear,
        Budget
    },
    Scale {
        Ten,
        Hundred,
        Thousand,
        TenThousand,
        HundredMillion,
        Trillion
    },
    Status {
        Met,
        Partial,
        Missed,
        Unscored
    },
    MissingTier {
        Redistribute,
        Forfeit
    },
    Basis {
        Stated,
        Comparator,
        Name,
        Default
    },
    Tier {
        Output,
        Benefit,
        Satisfaction,
        Cost,
        Decision,
        Process
    },
    Lang { Zh, En },
);
