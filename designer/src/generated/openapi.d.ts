// Generated from the API's OpenAPI document by `npm run openapi:generate`: do not edit by hand.
// Change the API (its DTOs and @ApiProperty decorators) and regenerate.
export interface paths {
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of patient-level reads and changes, newest first: who, what, when, which journey. */
        get: operations["AuditEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decrypt payloads for the Temporal Web UI or CLI (operators only). */
        post: operations["CodecController_decode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Encrypt payloads an operator enters in the Web UI (a signal, a start input). */
        post: operations["CodecController_encode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codec/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a codec session for the Temporal Web UI: an HttpOnly cookie for /api/codec, valid 8 hours (enable "Include cross-origin credentials" in the UI's codec settings). */
        post: operations["CodecController_openSession"];
        /** End the codec session: revoked on the server, so no copy of its cookie decodes again. */
        delete: operations["CodecController_closeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fhir": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EHR events in: FHIR R4 subscription notifications (backport IG), resources and bundles.
         * @description Each event is stored before it is applied and applied once: a redelivery answers "duplicate". Needs an integration API key or a signature of the body (see docs/ehr-events.md).
         */
        post: operations["FhirInboundController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every definition, by id, with its latest published version and its draft. */
        get: operations["JourneyDefinitionsController_list"];
        put?: never;
        /** Create a definition with a draft: from scratch (a stage and an end to build on), or as a copy of a published version (copyOf). */
        post: operations["JourneyDefinitionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One definition, with its latest published version and its draft. */
        get: operations["JourneyDefinitionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions (or a version and the draft): nodes, stages, events and settings added, removed or changed. */
        get: operations["JourneyDefinitionsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft, with its revision and the problems the validator finds in it. */
        get: operations["JourneyDefinitionsController_draft"];
        /** Save the draft (starting one after a publish). It must be well-formed; it may be unfinished: the answer lists its problems. */
        put: operations["JourneyDefinitionsController_saveDraft"];
        post?: never;
        /** Discard the draft: the definition is again its latest published version. Refused for a definition never published. */
        delete: operations["JourneyDefinitionsController_discardDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft/scenario-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run every saved scenario on the draft and on the latest published version: per scenario unchanged, changed (messages, tasks, deadlines and final status that differ) or new. */
        get: operations["DefinitionScenariosController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save a scenario with the draft: added, or replacing the one of the same name. The rest of the draft stays as saved. */
        post: operations["DefinitionScenariosController_save"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft/scenarios/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a saved scenario from the draft. The rest of the draft stays as saved. */
        delete: operations["DefinitionScenariosController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft/settings-fit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the program settings current now fit the draft's declared settings: a publish that makes them unfit refuses new enrolments until settings that fit are published. */
        get: operations["DefinitionSettingsFitController_fit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/draft/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The problems of a draft as it is being edited; nothing is stored. */
        post: operations["JourneyDefinitionsController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the chosen (or all) running journeys on fromVersion to toVersion, in batches; per journey applied, refused or failed. Refused whole, with nothing changed, when the mapping would strand a selected patient. */
        post: operations["DefinitionMigrationsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/migrations/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Per running journey on fromVersion: where it would land in toVersion, which timers move, which messages would be sent, skipped or repeated, or why it is refused. Nothing changes. */
        post: operations["DefinitionMigrationsController_dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as the next version, with a note. Refused while it has problems or is the same as the latest version. */
        post: operations["JourneyDefinitionsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version, newest first, with its note. */
        get: operations["JourneyDefinitionsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version, as journeys pinned to it run. */
        get: operations["JourneyDefinitionsController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-definitions/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of a journey definition: stages, messages, waits, timers, decisions, staff tasks, escalations and ends. */
        get: operations["JourneyDefinitionsController_jsonSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The journey types this deployment runs, coded and published definitions alike: schemas of parameters, events and settings, and the blueprint. */
        get: operations["JourneyTypesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journey-types/{journeyType}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many journeys of a type are running, ended, dropped off and breached, in total and per stage. */
        get: operations["JourneyTypesController_typeStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List journeys, newest first (or by next deadline), filtered by type, status, stage, patient or card/encounter; operators also see each patient from the EHR. */
        get: operations["JourneysController_list"];
        put?: never;
        /** Enrol a patient in a journey; returns the running one if already enrolled. Answers with the first state, or, with `Prefer: respond-async`, as soon as the start is accepted. */
        post: operations["JourneysController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A journey's status, current stage, timeline and upcoming timers. */
        get: operations["JourneysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running journey with a reason. */
        post: operations["JourneysController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver an event to a running journey; invalid events change nothing. */
        post: operations["JourneysController_sendEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/events/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the journey would do with an event now: apply it, hold it until an earlier step, or refuse it and why. Nothing is sent. */
        post: operations["JourneysController_previewEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The journey's outreach log: every attempt, its channel, wording and delivery events. */
        get: operations["JourneyMessagesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a journey: nothing is sent to the patient and cadences stop; deadlines and escalations go on. */
        post: operations["JourneysController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/journeys/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused journey where it left off. */
        post: operations["JourneysController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/consents/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grant or revoke consent for one channel; applies to the next send of every journey. */
        put: operations["PatientsController_setConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's contact profile and channel consents. */
        get: operations["PatientsController_contact"];
        /**
         * Update the contact profile (addresses, channel order, language, time zone).
         * @description Merges: a field left out keeps its value; a field sent as null is cleared (language, reading level, channel order and portal go back to their defaults). A body that names no field is refused (400).
         */
        put: operations["PatientsController_saveContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's portal inbox (for the patient portal), newest first. */
        get: operations["PatientsController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/inbox/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The patient read a portal message: a delivery status and a response for the journey. */
        post: operations["PatientsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patientId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every message attempt for the patient across journeys, newest first, with delivery events. */
        get: operations["PatientsController_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{journeyType}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The settings new enrolments get now. */
        get: operations["ProgramSettingsController_current"];
        put?: never;
        /** Publish a new version; only journeys enrolled from now on get it. */
        post: operations["ProgramSettingsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{journeyType}/settings/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render one wording with a draft for a language and channel, as the patient would read it; notes where the default language stands in. */
        post: operations["ProgramSettingsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{journeyType}/settings/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a draft without publishing it; answers with its problems or the resolved settings. */
        post: operations["ProgramSettingsController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{journeyType}/settings/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version, newest first, ending with the built-in defaults (version 0). */
        get: operations["ProgramSettingsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{journeyType}/settings/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version, as the journeys enrolled with it run. */
        get: operations["ProgramSettingsController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's role and name. */
        get: operations["SessionController_whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The work list: filtered, sorted (default urgent first, then by due time) and paged, with the total. Operators also see each patient from the EHR. */
        get: operations["StaffTasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff-tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an open task (claiming your own task again is allowed). */
        post: operations["StaffTasksController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff-tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a task with its outcome; the journey that asked for it is told. */
        post: operations["StaffTasksController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiErrorView: {
            /** @description Only on a 500: quote it when reporting the error. */
            correlationId?: string;
            /** @description Per-field details; empty when there are none. */
            errors: components["schemas"]["FieldErrorView"][];
            /** @example The request is invalid. */
            message: string;
        };
        ApplyMigrationDto: {
            /**
             * @description Every running journey on fromVersion (instead of journeyIds).
             * @enum {boolean}
             */
            all?: true;
            /** @description Journeys moved at once; the next batch starts when one ends. Default 10. */
            batchSize?: number;
            /** @description The published version the journeys run now. */
            fromVersion: number;
            /** @description Only these journeys (workflow ids); every running journey on fromVersion when absent. */
            journeyIds?: string[];
            /**
             * @description Old node id -> node id in toVersion, for nodes toVersion removed or renamed; a node not named keeps its id.
             * @example {
             *       "legacy-hold": "hold"
             *     }
             */
            mapping?: {
                [key: string]: string;
            };
            /** @description Why: each journey's timeline says "Moved to version N by <who>: <note>". */
            note: string;
            /** @description The newer published version to move them to. */
            toVersion: number;
        };
        AuditActorView: {
            /** @description The API key holder, or what signed the request. */
            name: string;
            /** @enum {string} */
            role: "designer" | "operator" | "integration" | "auditor" | "signed" | "unauthenticated";
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEventView"][];
            /** @description Pass as pageToken to read the next page; absent on the last page. */
            nextPageToken?: string;
        };
        AuditEventView: {
            /** @example journey.cancel */
            action: string;
            actor: components["schemas"]["AuditActorView"];
            /** @description The journey definition a designer changed (create, draft save, publish). */
            definitionId: string | null;
            id: string;
            journeyId: string | null;
            /** @example POST */
            method: string;
            occurredAt: string;
            /** @description HTTP status answered; null while a change was under way and never finished. */
            outcomeStatus: number | null;
            /** @description EHR patient id. */
            patientId: string | null;
            /** @description The patient's opaque reference, where the request named no patient id (journey reads, STOP). */
            patientRef: string | null;
            /** @example /api/journeys/:id/cancel */
            route: string;
        };
        BlueprintEdgeView: {
            /** @description The journey event that takes this path, when one does. */
            event?: string;
            from: string;
            /** @description What takes this path: an event type, a condition, a timeout. */
            label?: string;
            to: string;
        };
        BlueprintNodeView: {
            description?: string;
            /** @description On an end: the patient left before the program reached its goal (counted as dropped off). */
            dropOff?: boolean;
            /** @description Stable id; journeys report stage and end ids as their stage. */
            id: string;
            /** @enum {string} */
            kind: "stage" | "end" | "timer" | "wait" | "branch" | "message" | "task";
            label: string;
            /** @description The program setting that tunes this node (a dotted path into the settings), if any. */
            setting?: string;
        };
        BlueprintView: {
            edges: components["schemas"]["BlueprintEdgeView"][];
            nodes: components["schemas"]["BlueprintNodeView"][];
            /** @description The node a journey starts at. */
            start: string;
        };
        ChangedItemView: {
            changes: components["schemas"]["ValueChangeView"][];
            id: string;
            /** @description A node's kind, a setting's type. */
            kind?: string;
            label?: string;
        };
        ClaimStaffTaskDto: {
            /**
             * @description Who takes the task (a staff id or name).
             * @example nurse.kowalska
             */
            assignee: string;
        };
        CompletedStaffTaskView: {
            claimedAt: string | null;
            claimedBy: string | null;
            createdAt: string;
            details: {
                [key: string]: unknown;
            };
            /** @description Every urgent task has one. */
            dueAt: string | null;
            id: string;
            journeyId: string;
            /** @description False when the journey had already ended and could not be told. */
            journeyTold: boolean;
            /**
             * @description The journey's type id.
             * @example preventive-outreach
             */
            journeyType: string;
            /** @example deadline-breach */
            kind: string;
            /** @description The note on completion, or why the journey closed it. */
            note: string | null;
            outcome: string | null;
            /** @description Minutes past the due time, for open and claimed tasks that are overdue; else null. */
            overdueByMinutes: number | null;
            /** @description Operators only: the patient from the EHR (null when the EHR has no record or could not be read). Absent for other roles. */
            patient?: components["schemas"]["StaffTaskPatientView"] | null;
            /** @enum {string} */
            priority: "routine" | "urgent";
            /**
             * @description Why the journey raised it, from its details; the title when they say no more.
             * @example sms: no consent; email: no address
             */
            reason: string;
            /**
             * @description The journey's current stage; null when the engine could not be asked.
             * @example outreach
             */
            stage: string | null;
            /** @enum {string} */
            status: "open" | "claimed" | "done" | "cancelled";
            /**
             * @description The journey step that raised the task.
             * @example outreach-1:step-3
             */
            step: string;
            title: string;
        };
        CompleteStaffTaskDto: {
            /**
             * @description Shown in the journey timeline.
             * @example Booked for Tuesday
             */
            note?: string;
            /**
             * @description How it went: for calls `reached`, `no-answer`, `left-voicemail`, `wrong-number`, `declined`; otherwise `done`.
             * @example reached
             */
            outcome: string;
        };
        ConsentDto: {
            /**
             * @description Where the consent was recorded (default: api).
             * @example ehr
             */
            source?: string;
            /** @enum {string} */
            status: "granted" | "revoked";
        };
        ConsentView: {
            changedAt: string;
            /** @enum {string} */
            channel: "email" | "sms" | "portal" | "letter" | "call";
            source: string;
            /** @enum {string} */
            status: "granted" | "revoked";
        };
        ControlJourneyDto: {
            /**
             * @description Why (shown in the timeline; audited).
             * @example Patient in hospital for two weeks
             */
            reason: string;
        };
        CreateJourneyDefinitionDto: {
            /** @description Start the draft as a copy of this published version; from scratch when absent. */
            copyOf?: components["schemas"]["DefinitionVersionRefDto"];
            /**
             * @description The new definition's id; derived from the title (or "<copied id>-copy") when absent, with -2, -3... if taken.
             * @example screening-booking
             */
            id?: string;
            /** @description Required from scratch; a copy is titled "<copied title> (copy)" unless given one. */
            title?: string;
        };
        DeadlineViewDto: {
            breachedAt?: string;
            dueAt: string;
            id: string;
            label: string;
            /** @description Whole days late, once a breached deadline was met. */
            lateByDays?: number;
            metAt?: string;
            /** @enum {string} */
            status: "pending" | "met" | "met-late" | "breached" | "void";
            warnedAt?: string;
        };
        DefinitionCheckView: {
            problems: components["schemas"]["DefinitionProblemView"][];
            valid: boolean;
        };
        DefinitionCopyRefView: {
            id: string;
            version: number;
        };
        DefinitionDiffView: {
            /** @description Something a patient or staff could notice differs: anything but the saved scenarios and the version number. */
            behaviourChanged: boolean;
            definitionId: string;
            events: components["schemas"]["ItemChangesView"];
            /** @description Title, description, languages, start. */
            fields: components["schemas"]["ValueChangeView"][];
            /**
             * @description A version number, or draft.
             * @example 1
             */
            from: string;
            /** @description Nothing differs but the version number. */
            identical: boolean;
            nodes: components["schemas"]["ItemChangesView"];
            /** @description Saved scenarios, by name: they change no journey. */
            scenarios: components["schemas"]["ItemChangesView"];
            settings: components["schemas"]["ItemChangesView"];
            stages: components["schemas"]["ItemChangesView"];
            /**
             * @description A version number, or draft.
             * @example 2
             */
            to: string;
        };
        DefinitionProblemView: {
            /** @enum {string} */
            code: "duplicate-id" | "unknown-node" | "unknown-stage" | "unknown-event" | "unknown-setting" | "setting-type" | "setting-default" | "unreachable" | "dead-end" | "no-way-to-end" | "instant-loop" | "wait-without-timeout" | "decision-without-default" | "task-without-default" | "invalid-condition" | "missing-language" | "no-consent-path" | "time-may-have-passed" | "unknown-field" | "shape";
            /** @description What is wrong, in a sentence a designer can act on. */
            message: string;
            /** @description The node the problem is on. */
            node?: string;
        };
        DefinitionVersionRefDto: {
            /**
             * @description The definition to copy.
             * @example screening-booking
             */
            id: string;
            /** @description Its published version to copy. */
            version: number;
        };
        DefinitionVersionSummaryView: {
            definitionId: string;
            note: string;
            publishedAt: string;
            /** @description The API key holder who published it. */
            publishedBy: string;
            title: string;
            version: number;
        };
        DefinitionVersionView: {
            /** @description A journey definition (GET /api/journey-definitions/schema). */
            definition: {
                [key: string]: unknown;
            };
            definitionId: string;
            note: string;
            publishedAt: string;
            /** @description The API key holder who published it. */
            publishedBy: string;
            title: string;
            /** @description What the validator found when it was published. */
            validation: components["schemas"]["DefinitionCheckView"];
            version: number;
        };
        DeliveryEventView: {
            detail: string | null;
            occurredAt: string;
            /** @enum {string} */
            source: "delivery" | "provider" | "patient";
            /** @example delivered */
            status: string;
        };
        DependencyHealth: {
            /** @description Why the dependency is down. */
            error?: string;
            /** @description Round trip in milliseconds. */
            latencyMs: number;
            /** @enum {string} */
            status: "up" | "down";
        };
        DiffItemView: {
            id: string;
            /** @description A node's kind, a setting's type. */
            kind?: string;
            label?: string;
        };
        DraftDefinitionDto: {
            /** @description The definition (GET /api/journey-definitions/schema). It must be well-formed; it may be unfinished. Its version is set by the server. */
            definition: {
                [key: string]: unknown;
            };
        };
        DraftSummaryView: {
            /** @description The version it was started from; 0 for a new definition. */
            basedOnVersion: number;
            savedAt: string;
            savedBy: string;
        };
        DraftView: {
            /** @description The version it was started from; 0 for a new definition. */
            basedOnVersion: number;
            /** @description A journey definition (GET /api/journey-definitions/schema). */
            definition: {
                [key: string]: unknown;
            };
            definitionId: string;
            /** @description Publishing is refused until there are none. */
            problems: components["schemas"]["DefinitionProblemView"][];
            /** @description Send it as basedOnRevision with the next save or the publish. */
            revision: number;
            savedAt: string;
            savedBy: string;
        };
        EntryOutcomeView: {
            /** @description Position of the entry in the request (notification events in order). */
            entry: number;
            eventNumber?: number;
            journeys?: components["schemas"]["JourneyResultView"][];
            /**
             * @description applied: a journey took it; started: it enrolled the patient; ignored: nothing to do (see reason); duplicate: received before, nothing changed; failed: stored but not applied yet, send it again.
             * @enum {string}
             */
            outcome: "applied" | "started" | "ignored" | "duplicate" | "failed";
            reason?: string;
            /** @description `Type/id` of the resource, or the reference read for id-only events. */
            resource?: string;
            /** @description The routing rule that matched. */
            rule?: string;
        };
        EventGapView: {
            detectedAt: string;
            from: number;
            to: number;
        };
        EventPreviewView: {
            /**
             * @description applied: it takes effect when sent; held: the journey keeps it until an earlier step is recorded; refused: sending it would be rejected.
             * @enum {string}
             */
            outcome: "applied" | "held" | "refused";
            /** @description For a refused event: why the journey would refuse it. */
            reason?: string;
            /** @description For a held event: the step the journey waits for before applying it. */
            until?: string;
        };
        FieldErrorView: {
            /**
             * @description The input field at fault, dotted for nested ones.
             * @example phone
             */
            field?: string;
            /** @example phone must be an E.164 number such as +48601234567 */
            message: string;
        };
        HealthReport: {
            database: components["schemas"]["DependencyHealth"];
            /** @enum {string} */
            status: "ok" | "degraded";
            temporal: components["schemas"]["DependencyHealth"];
        };
        HeldMessageView: {
            /** @description When the journey held it back. */
            heldAt: string;
            /** @description What the journey calls the message. */
            label: string;
            /** @enum {string} */
            reason: "quiet-hours" | "daily-cap";
            /** @description The journey step the message belongs to. */
            step: string;
            /** @description When the journey tries it again (ISO 8601). */
            until: string;
        };
        InboundResultView: {
            entries: components["schemas"]["EntryOutcomeView"][];
            /** @description Event numbers of this subscription never received: recover them with the EHR's $events. */
            gaps?: components["schemas"]["EventGapView"][];
            /** @description Set when some entries failed: the answer is then 503, send them again. */
            message?: string;
            notification?: components["schemas"]["NotificationView"];
        };
        ItemChangesView: {
            added: components["schemas"]["DiffItemView"][];
            changed: components["schemas"]["ChangedItemView"][];
            removed: components["schemas"]["DiffItemView"][];
        };
        JourneyDefinitionView: {
            copiedFrom: components["schemas"]["DefinitionCopyRefView"] | null;
            createdAt: string;
            createdBy: string;
            draft: components["schemas"]["DraftSummaryView"] | null;
            id: string;
            latestVersion: components["schemas"]["DefinitionVersionSummaryView"] | null;
            /** @description Goes up with every save and publish: what basedOnRevision must be. */
            revision: number;
            title: string;
        };
        JourneyDetailView: {
            closedAt?: string;
            deadlines: components["schemas"]["DeadlineViewDto"][];
            /** @description For a journey run from a journey definition: the definition id (its journey type). */
            definitionId?: string;
            /** @description For a journey run from a journey definition: the published version it is pinned to (GET /api/journey-definitions/{id}/versions/{version} has its map). */
            definitionVersion?: number;
            /** @description Journey-specific figures (e.g. weight change). */
            facts: {
                [key: string]: unknown;
            };
            /** @description Messages held back (quiet hours, daily cap) and when they will go; not in the outreach log until tried. */
            heldMessages: components["schemas"]["HeldMessageView"][];
            /** @description Opaque journey id (the Temporal workflow id). */
            id: string;
            journey: string;
            /** @description In lists: the open deadline due first (a breached one still owed included); absent when none or the worker did not answer in time. */
            nextDeadline?: components["schemas"]["NextDeadlineView"];
            /** @description In lists: when the oldest breached, still unmet deadline fell due. */
            overdueSince?: string;
            /** @description In lists, for operators only: the patient from the EHR (null when the EHR cannot say). */
            patient?: components["schemas"]["StaffTaskPatientView"] | null;
            /** @description The program settings version the journey was enrolled with (0: built-in defaults). */
            settingsVersion: number;
            stage: string;
            startedAt: string;
            /** @enum {string} */
            status: "active" | "paused" | "completed" | "cancelled" | "failed" | "terminated" | "timed-out";
            /** @description This journey in the Temporal Web UI. */
            temporalUiUrl: string;
            timeline: components["schemas"]["TimelineEntryView"][];
            upcoming: components["schemas"]["UpcomingTimerView"][];
        };
        JourneyPage: {
            items: components["schemas"]["JourneySummaryView"][];
            /** @description Pass as pageToken to read the next page; absent on the last page. */
            nextPageToken?: string;
            /** @description sort=next-deadline only, present (true) when more than 10000 running journeys with an open deadline matched: the 10000 due first come in order, the others follow among the journeys without a deadline. */
            truncated?: boolean;
        };
        JourneyResultView: {
            /** @description The journey event type sent. */
            event?: string;
            /** @description Opaque journey id (the Temporal workflow id). */
            id: string;
            journey: string;
            /** @description Why the journey did not take it. */
            reason?: string;
            /** @enum {string} */
            result: "started" | "already-started" | "already-running" | "applied" | "refused" | "ended";
        };
        JourneySummaryView: {
            closedAt?: string;
            /** @description Opaque journey id (the Temporal workflow id). */
            id: string;
            journey: string;
            /** @description In lists: the open deadline due first (a breached one still owed included); absent when none or the worker did not answer in time. */
            nextDeadline?: components["schemas"]["NextDeadlineView"];
            /** @description In lists: when the oldest breached, still unmet deadline fell due. */
            overdueSince?: string;
            /** @description In lists, for operators only: the patient from the EHR (null when the EHR cannot say). */
            patient?: components["schemas"]["StaffTaskPatientView"] | null;
            stage: string;
            startedAt: string;
            /** @enum {string} */
            status: "active" | "paused" | "completed" | "cancelled" | "failed" | "terminated" | "timed-out";
        };
        JourneyTypeStatsView: {
            /** @description Journeys, running or ended, that missed at least one deadline. */
            breached: number;
            /** @description Journeys an operator cancelled. */
            cancelled: number;
            /** @description Journeys that reached an end of the program (drop-offs included). */
            completed: number;
            /** @description When these counts were taken (visibility lags a second or so). */
            countedAt: string;
            /** @description Journeys that ended at a drop-off end (declined, no response, cancelled). */
            droppedOff: number;
            journey: string;
            paused: number;
            /** @description Running journeys, paused ones included. */
            running: number;
            stages: components["schemas"]["StageCountView"][];
        };
        JourneyTypeView: {
            /** @description The static map: nodes and edges, with stable ids. */
            blueprint: components["schemas"]["BlueprintView"];
            /** @description For a definition: its id (the same as the journey type id). */
            definitionId?: string;
            /** @description For a definition: its latest published version, which new enrolments get. */
            definitionVersion?: number;
            description: string;
            /** @description JSON Schema of the events it accepts. */
            eventSchema: {
                [key: string]: unknown;
            };
            id: string;
            /**
             * @description coded: written in TypeScript; definition: a published journey definition, run by the interpreter.
             * @enum {string}
             */
            kind: "coded" | "definition";
            /** @description JSON Schema of the start parameters. */
            paramsSchema: {
                [key: string]: unknown;
            };
            /** @description JSON Schema of its program settings. */
            settingsSchema: {
                [key: string]: unknown;
            };
            /** @description The settings version new enrolments get (0: built-in defaults). */
            settingsVersion: number;
            /** @description Where the clinical numbers come from. */
            sources: string[];
            /** @description Journeys of this type in the Temporal Web UI, as a saved view. */
            temporalUiView: components["schemas"]["TemporalUiViewDto"];
            title: string;
        };
        MigrationAppliedJourneyView: {
            journeyId: string;
            /**
             * @description refused: the journey turned it down (it changed since the dry run); failed: it could not be asked.
             * @enum {string}
             */
            outcome: "applied" | "refused" | "failed";
            /** @description What the journey did. */
            plan?: components["schemas"]["MigrationJourneyPlanView"];
            reason?: string;
        };
        MigrationApplyView: {
            applied: number;
            definitionId: string;
            failed: number;
            fromVersion: number;
            journeys: components["schemas"]["MigrationAppliedJourneyView"][];
            refused: number;
            toVersion: number;
        };
        MigrationCountsView: {
            journeys: number;
            migrate: number;
            refused: number;
            /** @description Journeys to whom the move sends (or repeats) a message. */
            sendingMessages: number;
            /** @description Refused because the mapping strands them: an apply selecting any is refused. */
            stranded: number;
        };
        MigrationDryRunDto: {
            /** @description The published version the journeys run now. */
            fromVersion: number;
            /** @description Only these journeys (workflow ids); every running journey on fromVersion when absent. */
            journeyIds?: string[];
            /**
             * @description Old node id -> node id in toVersion, for nodes toVersion removed or renamed; a node not named keeps its id.
             * @example {
             *       "legacy-hold": "hold"
             *     }
             */
            mapping?: {
                [key: string]: string;
            };
            /** @description The newer published version to move them to. */
            toVersion: number;
        };
        MigrationDryRunView: {
            /** @description Over every journey asked about, before any filter. */
            counts: components["schemas"]["MigrationCountsView"];
            definitionId: string;
            fromVersion: number;
            journeys: components["schemas"]["MigrationJourneyPlanView"][];
            toVersion: number;
        };
        MigrationJourneyPlanView: {
            /** @description The workflow id. */
            journeyId: string;
            /** @description Who the row is, without patient data: the workflow id and stage. */
            label: string;
            landsAt?: components["schemas"]["MigrationLandingView"];
            messages?: components["schemas"]["MigrationMessageView"][];
            node: string | null;
            notes?: string[];
            /** @enum {string} */
            outcome: "migrate" | "refused";
            refusal?: components["schemas"]["MigrationRefusalView"];
            stage: string;
            timers?: components["schemas"]["MigrationTimerView"][];
        };
        MigrationLandingView: {
            kind: string;
            node: string;
            stage: string;
        };
        MigrationMessageView: {
            /**
             * @description send: new to the patient; skip: already sent or on its way; repeat: received before, sent again.
             * @enum {string}
             */
            action: "send" | "skip" | "repeat";
            /** @description When it goes out; at once when absent or past. */
            dueAt?: string;
            /** @description The wording key. */
            key: string;
            /** @description The outbox step: a message is sent once per step. */
            step: string;
            why: string;
        };
        MigrationRefusalView: {
            /** @enum {string} */
            code: "ended" | "paused" | "not-a-newer-version" | "node-removed" | "target-missing" | "kind-changed" | "stage-removed" | "entry-time-unknown" | "time-passed" | "not-on-version";
            reason: string;
            /** @description The mapping would leave the patient at a node or in a stage that no longer exists: a migration selecting this journey is refused whole. */
            strands: boolean;
        };
        MigrationTimerView: {
            /** @enum {string} */
            change: "kept" | "moved" | "dropped" | "added";
            /**
             * @description active: stops while paused; wall: a deadline.
             * @enum {string}
             */
            clock: "active" | "wall";
            /** @description When it is due after the move (past: it fires at once). */
            dueAfter?: string;
            /** @description When it is due on the version the journey runs. */
            dueBefore?: string;
            /** @description The timer, named by the node and step (no patient data). */
            id: string;
            label: string;
        };
        NextDeadlineView: {
            dueAt: string;
            label: string;
        };
        NotificationView: {
            eventsSinceSubscriptionStart?: number;
            /** @enum {string} */
            payload: "empty" | "id-only" | "full-resource";
            subscription: string;
            topic?: string;
            /** @enum {string} */
            type: "handshake" | "heartbeat" | "event-notification" | "query-status" | "query-event";
        };
        OutreachMessageView: {
            body: string;
            /** @enum {string} */
            channel: "email" | "sms" | "portal" | "letter" | "call";
            errorCode: string | null;
            errorReason: string | null;
            events: components["schemas"]["DeliveryEventView"][];
            id: string;
            journeyId: string;
            language: string | null;
            /** @description The journey's clock when it asked for the send. */
            plannedAt: string;
            readingLevel: string | null;
            sentAt: string | null;
            /** @enum {string} */
            status: "sending" | "sent" | "delivered" | "read" | "uncertain" | "rejected" | "failed";
            /** @description The journey step the message belongs to. */
            step: string | null;
            subject?: string | null;
            /** @example preventive-outreach.reminder */
            template: string;
            /** @example preventive-outreach/reminder.en.plain.sms.hbs */
            templateFile: string | null;
            /** @description Urgent clinical messages are exempt from the daily cap. */
            urgent: boolean;
        };
        PatientContactDto: {
            /**
             * @description Preferred channels, most preferred first (default: the policy order).
             * @example [
             *       "sms",
             *       "email",
             *       "portal"
             *     ]
             */
            channelOrder?: ("email" | "sms" | "portal" | "letter" | "call")[] | null;
            /** @example maria@example.org */
            email?: string | null;
            /**
             * @description For greetings only.
             * @example Maria
             */
            givenName?: string | null;
            /**
             * @description BCP 47 language tag.
             * @default en
             * @example es
             */
            language: string | null;
            /**
             * @description Mobile number in E.164 form.
             * @example +48601234567
             */
            phone?: string | null;
            /**
             * @description The patient has a portal account (portal inbox).
             * @default false
             */
            portalEnabled: boolean | null;
            /** @description Per-channel quiet hours replacing the policy (null: none for that channel). */
            quietHours?: {
                [key: string]: components["schemas"]["QuietWindowDto"] | null;
            } | null;
            /**
             * @default plain
             * @enum {string|null}
             */
            readingLevel: "plain" | "standard" | null;
            /** @example Europe/Warsaw */
            timeZone?: string | null;
        };
        PatientContactView: {
            consents: components["schemas"]["ConsentView"][];
            contact: components["schemas"]["PatientContactDto"];
        };
        PreviewNoteView: {
            message: string;
            /** @description The message value concerned, when a value fell back. */
            value?: string;
        };
        PublishDefinitionDto: {
            /** @description The definition's revision the designer reviewed; 409 if the draft changed since. */
            basedOnRevision: number;
            /** @description What changed and why (shown in the version history). */
            note: string;
        };
        PublishSettingsDto: {
            /** @description The version this draft was edited from; 409 if another was published since. */
            basedOnVersion: number;
            /** @description What changed and why (shown in the version history). */
            note?: string;
            /** @description The settings, per the journey type's settingsSchema; omitted fields take their defaults. */
            settings: {
                [key: string]: unknown;
            };
        };
        QuietWindowDto: {
            /** @example 08:00 */
            end: string;
            /** @example 21:00 */
            start: string;
        };
        SaveDraftDto: {
            /** @description The definition's revision the draft was edited from; 409 if it was saved or published since. */
            basedOnRevision: number;
            /** @description The definition (GET /api/journey-definitions/schema). It must be well-formed; it may be unfinished. Its version is set by the server. */
            definition: {
                [key: string]: unknown;
            };
        };
        SaveScenarioDto: {
            /** @description The definition's revision the draft was read at; 409 if it changed since. */
            basedOnRevision: number;
            /** @description A saved scenario (the `scenarios` items of GET /api/journey-definitions/schema): name, synthetic patient, script, months, values. One with the same name is replaced. */
            scenario: {
                [key: string]: unknown;
            };
        };
        ScenarioChangesView: {
            /** @description How many saved scenarios have an outcome that differs from the published version. */
            changedCount: number;
            definitionId: string;
            /** @description The published version compared with: the latest one; null when none is published. */
            publishedVersion: number | null;
            /** @description The draft revision the scenarios were run on. */
            revision: number;
            scenarios: components["schemas"]["ScenarioOutcomeView"][];
        };
        ScenarioFieldChangeView: {
            after?: string;
            before?: string;
            /**
             * @description at, channel, language, text, subject, dueAt, priority, status...
             * @example text
             */
            field: string;
        };
        ScenarioFinalChangeView: {
            after: string;
            /** @example completed at booked (2026-03-11T08:00:00.000Z) */
            before: string;
        };
        ScenarioItemChangeView: {
            changes: components["schemas"]["ScenarioFieldChangeView"][];
            id: string;
            label: string;
        };
        ScenarioItemView: {
            /** @description When it happened (ISO instant). */
            at: string;
            /** @description The step (or deadline id) it is matched by. */
            id: string;
            /** @description A message's key, a task's title, a deadline's label. */
            label: string;
        };
        ScenarioListChangesView: {
            added: components["schemas"]["ScenarioItemView"][];
            changed: components["schemas"]["ScenarioItemChangeView"][];
            removed: components["schemas"]["ScenarioItemView"][];
        };
        ScenarioOutcomeView: {
            deadlines: components["schemas"]["ScenarioListChangesView"];
            /** @description Present when the final status differs. */
            final?: components["schemas"]["ScenarioFinalChangeView"];
            messages: components["schemas"]["ScenarioListChangesView"];
            name: string;
            problem?: string;
            tasks: components["schemas"]["ScenarioListChangesView"];
            /**
             * @description new: nothing published to compare with; failed: the scenario could not run (see problem).
             * @enum {string}
             */
            verdict: "unchanged" | "changed" | "new" | "failed";
        };
        SessionView: {
            /**
             * @description The key holder's name, as the audit trail shows it.
             * @example operator:alice
             */
            name: string;
            /** @enum {string} */
            role: "designer" | "operator" | "integration" | "auditor";
        };
        SettingsCheckView: {
            /** @description Why the draft is invalid; empty when it is valid. */
            errors: components["schemas"]["FieldErrorView"][];
            /** @description The draft with defaults filled in. */
            settings?: {
                [key: string]: unknown;
            };
            valid: boolean;
        };
        SettingsDraftDto: {
            /** @description The settings, per the journey type's settingsSchema; omitted fields take their defaults. */
            settings: {
                [key: string]: unknown;
            };
        };
        SettingsFitProblemView: {
            /**
             * @description The setting, as the program settings name it.
             * @example reminderLead
             */
            field: string;
            /** @example Unrecognized key: "reminderLead" */
            message: string;
        };
        SettingsFitView: {
            definitionId: string;
            /** @description Whether that version fits the draft's declared settings. When it does not, publishing the draft makes every new enrolment a 409 until settings that fit are published (HZ-72). */
            fits: boolean;
            problems: components["schemas"]["SettingsFitProblemView"][];
            /** @description The draft revision this answers for. */
            revision: number;
            /** @description The program settings version current now (0: the built-in defaults). */
            settingsVersion: number;
        };
        SettingsPreviewDto: {
            /**
             * @description The channel whose wording file is used.
             * @enum {string}
             */
            channel: "email" | "sms" | "portal" | "letter" | "call";
            /** @description For a wording shared by several items (preventive outreach): the item whose settings fill it. */
            item?: string;
            /**
             * @description The patient's language, a language tag.
             * @example es
             */
            language: string;
            /** @description The settings, per the journey type's settingsSchema; omitted fields take their defaults. */
            settings: {
                [key: string]: unknown;
            };
            /**
             * @description The wording key to render, one the journey's settings may name.
             * @example preventive-outreach.flu-shot.call-to-action
             */
            wording: string;
        };
        SettingsPreviewView: {
            /** @description Where the patient would read the program's default language instead of theirs. */
            fallbacks: components["schemas"]["PreviewNoteView"][];
            /** @description The wording file used. */
            file: string;
            /** @description The language of the wording file used. */
            language: string;
            /** @description SMS only: segments the text takes. */
            segments?: number;
            /** @description Email subject or portal title. */
            subject?: string;
            /** @description The message as the patient would read it (plain text). */
            text: string;
        };
        SettingsVersionSummaryView: {
            journeyType: string;
            note: string;
            publishedAt: string | null;
            /** @description The role that published it. */
            publishedBy: string;
            /** @description 0 is the built-in defaults, in force until a version is published. */
            version: number;
        };
        SettingsVersionView: {
            journeyType: string;
            note: string;
            publishedAt: string | null;
            /** @description The role that published it. */
            publishedBy: string;
            /** @description Fully resolved settings. */
            settings: {
                [key: string]: unknown;
            };
            /** @description 0 is the built-in defaults, in force until a version is published. */
            version: number;
        };
        StaffTaskPage: {
            items: components["schemas"]["StaffTaskView"][];
            /** @description Pass as pageToken to read the next page; absent on the last page. */
            nextPageToken?: string;
            /** @description The position of the first item among them (0-based). */
            offset: number;
            /** @description How many tasks match the filters, across all pages. */
            total: number;
        };
        StaffTaskPatientView: {
            /** @example 1961-04-02 */
            birthDate: string | null;
            /**
             * @description The patient's name as the EHR records it.
             * @example Maria Nowak
             */
            name: string;
        };
        StaffTaskView: {
            claimedAt: string | null;
            claimedBy: string | null;
            createdAt: string;
            details: {
                [key: string]: unknown;
            };
            /** @description Every urgent task has one. */
            dueAt: string | null;
            id: string;
            journeyId: string;
            /**
             * @description The journey's type id.
             * @example preventive-outreach
             */
            journeyType: string;
            /** @example deadline-breach */
            kind: string;
            /** @description The note on completion, or why the journey closed it. */
            note: string | null;
            outcome: string | null;
            /** @description Minutes past the due time, for open and claimed tasks that are overdue; else null. */
            overdueByMinutes: number | null;
            /** @description Operators only: the patient from the EHR (null when the EHR has no record or could not be read). Absent for other roles. */
            patient?: components["schemas"]["StaffTaskPatientView"] | null;
            /** @enum {string} */
            priority: "routine" | "urgent";
            /**
             * @description Why the journey raised it, from its details; the title when they say no more.
             * @example sms: no consent; email: no address
             */
            reason: string;
            /**
             * @description The journey's current stage; null when the engine could not be asked.
             * @example outreach
             */
            stage: string | null;
            /** @enum {string} */
            status: "open" | "claimed" | "done" | "cancelled";
            /**
             * @description The journey step that raised the task.
             * @example outreach-1:step-3
             */
            step: string;
            title: string;
        };
        StageCountView: {
            /** @description Journeys at this node now that missed at least one deadline. */
            breached: number;
            /** @description On an end node marked dropOff: the journeys that left the program there. */
            droppedOff: number;
            /** @description Running journeys at this stage now; on an end node, the journeys that finished there. */
            now: number;
            /** @description A stage or end node id of the blueprint. */
            stage: string;
        };
        StartJourneyAccepted: {
            /** @description False when the patient was already enrolled and the running journey is returned. */
            created: boolean;
            /** @example preventive-outreach-7ac8476ee4e948d44e40965d8282e658 */
            id: string;
            /** @example preventive-outreach */
            journey: string;
        };
        StartJourneyDto: {
            /**
             * @description For a journey definition only: the published version to pin the journey to (default: the latest). Ignored when the patient is already enrolled: the running journey keeps its version.
             * @example 2
             */
            definitionVersion?: number;
            /**
             * @description A journey type id from GET /api/journey-types.
             * @example appointment-reminder
             */
            journey: string;
            /**
             * @description Journey-specific parameters; their schema is in GET /api/journey-types.
             * @example {
             *       "appointmentAt": "2026-12-01T09:30:00+01:00",
             *       "reminderLeadHours": 24,
             *       "timeZone": "Europe/Warsaw"
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description The patient's id in the EHR (FHIR Patient.id).
             * @example pat-1001
             */
            patientId: string;
        };
        StartJourneyResult: {
            closedAt?: string;
            /** @description False when the patient was already enrolled and the running journey is returned. */
            created: boolean;
            deadlines: components["schemas"]["DeadlineViewDto"][];
            /** @description For a journey run from a journey definition: the definition id (its journey type). */
            definitionId?: string;
            /** @description For a journey run from a journey definition: the published version it is pinned to (GET /api/journey-definitions/{id}/versions/{version} has its map). */
            definitionVersion?: number;
            /** @description Journey-specific figures (e.g. weight change). */
            facts: {
                [key: string]: unknown;
            };
            /** @description Messages held back (quiet hours, daily cap) and when they will go; not in the outreach log until tried. */
            heldMessages: components["schemas"]["HeldMessageView"][];
            /** @description Opaque journey id (the Temporal workflow id). */
            id: string;
            journey: string;
            /** @description In lists: the open deadline due first (a breached one still owed included); absent when none or the worker did not answer in time. */
            nextDeadline?: components["schemas"]["NextDeadlineView"];
            /** @description In lists: when the oldest breached, still unmet deadline fell due. */
            overdueSince?: string;
            /** @description In lists, for operators only: the patient from the EHR (null when the EHR cannot say). */
            patient?: components["schemas"]["StaffTaskPatientView"] | null;
            /** @description The program settings version the journey was enrolled with (0: built-in defaults). */
            settingsVersion: number;
            stage: string;
            startedAt: string;
            /** @enum {string} */
            status: "active" | "paused" | "completed" | "cancelled" | "failed" | "terminated" | "timed-out";
            /** @description This journey in the Temporal Web UI. */
            temporalUiUrl: string;
            timeline: components["schemas"]["TimelineEntryView"][];
            upcoming: components["schemas"]["UpcomingTimerView"][];
        };
        TemporalUiViewDto: {
            /** @description The saved view's name in the Temporal Web UI, e.g. "Carepath: preventive-outreach". */
            name: string;
            /** @description The visibility query it shows. */
            query: string;
            /** @description Opening this address in the Temporal Web UI lists the journeys and saves the view in that browser. */
            url: string;
        };
        TimelineEntryView: {
            at: string;
            /** @description Who or what caused it: an operator (by key name), "EHR event (<resource type>)", "timer", "patient", "staff", "journey". */
            by: string;
            /** @enum {string} */
            kind: "stage" | "event" | "message" | "task" | "deadline" | "control" | "cancellation";
            ref?: string;
            summary: string;
        };
        UpcomingTimerView: {
            dueAt: string;
            id: string;
            label: string;
        };
        ValueChangeView: {
            /** @description Absent when the value was removed. */
            after?: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @description Absent when the value was added. */
            before?: (string | number | boolean | unknown[] | {
                [key: string]: unknown;
            }) | null;
            /** @example message.wording.es.plain.sms */
            path: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditEventsController_list: {
        parameters: {
            query?: {
                /** @description Only this action. */
                action?: string;
                /** @description Only calls by this key holder (`API_KEYS` name) or signer (`ehr-webhook`...). */
                actor?: string;
                /** @description Only calls about this journey definition (its id). */
                definitionId?: string;
                /** @description Only calls about this journey (its id). */
                journeyId?: string;
                pageSize?: number;
                /** @description The nextPageToken of the previous page. */
                pageToken?: string;
                /** @description Only calls about this patient (EHR patient id). */
                patientId?: string;
                /** @description Only calls at or after this time (ISO 8601 with a zone). */
                since?: string;
                /** @description Only calls at or before this time (ISO 8601 with a zone). */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description A filter is malformed, or since is after until. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CodecController_decode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        /** Format: byte */
                        data?: string;
                        metadata?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            /** Format: byte */
                            data?: string;
                            metadata?: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Not codec protocol JSON, or a payload no configured key opens. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CodecController_encode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        /** Format: byte */
                        data?: string;
                        metadata?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            /** Format: byte */
                            data?: string;
                            metadata?: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Not codec protocol JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CodecController_openSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    CodecController_closeSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    FhirInboundController_receive: {
        parameters: {
            query?: never;
            header?: {
                /** @description sha256=<hex HMAC-SHA256 of the body with FHIR_WEBHOOK_SECRET>, instead of an API key. */
                "X-Carepath-Signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A notification Bundle (type history, status Parameters first), a transaction/batch/collection Bundle, or a resource. */
        requestBody: {
            content: {
                "application/fhir+json": {
                    resourceType: string;
                };
                "application/json": {
                    resourceType: string;
                };
            };
        };
        responses: {
            /** @description What happened to each entry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundResultView"];
                };
            };
            /** @description Not JSON, not FHIR R4, or a notification without its status. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No integration key and no valid signature; nothing stored. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Neither application/fhir+json nor application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Some entries are stored but could not be applied now: send them again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundResultView"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Temporal and the database are reachable. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description A dependency is down. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
        };
    };
    JourneyDefinitionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDefinitionView"][];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJourneyDefinitionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDefinitionView"];
                };
            };
            /** @description No title, a bad id, or copyOf names no published version. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description A definition with this id exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDefinitionView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_diff: {
        parameters: {
            query: {
                /** @description A published version number, or `draft`. */
                from: string;
                /** @description A published version number, or `draft`. */
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDiffView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, version or draft. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, or it has no draft. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftView"];
                };
            };
            /** @description The draft is not well-formed (each field named); nothing was saved. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The draft was saved or published since basedOnRevision. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_discardDraft: {
        parameters: {
            query: {
                /** @description The definition's revision the designer saw; 409 if the draft was saved or published since. */
                basedOnRevision: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDefinitionView"];
                };
            };
            /** @description No basedOnRevision; nothing was discarded. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description There is no draft, the definition was never published, or the draft changed since basedOnRevision. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionScenariosController_changes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioChangesView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, or it has no draft. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionScenariosController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveScenarioDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftView"];
                };
            };
            /** @description The scenario is not well-formed (each field named); nothing was saved. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, or it has no draft. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The draft was saved or published since basedOnRevision. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionScenariosController_remove: {
        parameters: {
            query: {
                /** @description The definition's revision the designer saw; 409 if the draft was saved or published since. */
                basedOnRevision: number;
            };
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftView"];
                };
            };
            /** @description No basedOnRevision; nothing was removed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, no draft, or no saved scenario of that name. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The draft was saved or published since basedOnRevision. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionSettingsFitController_fit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsFitView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, or it has no draft. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftDefinitionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionCheckView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionMigrationsController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyMigrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationApplyView"];
                };
            };
            /** @description No note, neither or both of all and journeyIds, or a bad mapping. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition or version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The mapping would leave selected patients at a removed node or stage (each listed); nothing changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    DefinitionMigrationsController_dryRun: {
        parameters: {
            query?: {
                /** @description Only the journeys that would land at this node. */
                landsAt?: string;
                /** @description Only the journeys that would move, that are refused, or to whom the move would send a message. */
                only?: "migrate" | "refused" | "sends-messages";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationDryRunDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationDryRunView"];
                };
            };
            /** @description toVersion is not newer, or the mapping is malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition or version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishDefinitionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionVersionView"];
                };
            };
            /** @description No note, the draft has problems (each listed), or nothing changed; nothing was published. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description There is no draft, or it changed since basedOnRevision. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionVersionSummaryView"][];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionVersionView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No such definition, or no such version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyDefinitionsController_jsonSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Schema (draft 2020-12). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyTypesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyTypeView"][];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyTypesController_typeStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyTypeStatsView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_list: {
        parameters: {
            query?: {
                /** @description Only the patient's journey for this card, appointment or screening item (a journey type's instance key); needs patientId. */
                instance?: string;
                /** @description Only journeys of this type. */
                journey?: string;
                /** @description Only journeys with staff work past its due time (a missed deadline, an unanswered escalation); at most the 1000 most overdue. */
                overdue?: boolean;
                pageSize?: number;
                /** @description The nextPageToken of the previous page. */
                pageToken?: string;
                /** @description Only this patient's journeys (EHR patient id; matched by its pseudonym). */
                patientId?: string;
                /** @description started: newest first (default). next-deadline: across all pages, running journeys by the open deadline they owe first (the most overdue, then the soonest due; ties newest first), then the journeys with none (ended, no open deadline, or running since before journeys recorded it) newest first. Sorts at most the 10000 due first (see truncated). A journey whose deadline changes between two pages may show on both or neither. */
                sort?: "started" | "next-deadline";
                /** @description Only journeys currently at this stage id. */
                stage?: string;
                status?: "active" | "paused" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyPage"];
                };
            };
            /** @description A card or encounter id without a patient id, or a bad filter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description `respond-async`: answer once Temporal has accepted the start, with the id only (bulk enrolment); the journey is then read at `Location`. */
                Prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartJourneyDto"];
            };
        };
        responses: {
            /** @description The patient was already enrolled; nothing new started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartJourneyResult"] | components["schemas"]["StartJourneyAccepted"];
                };
            };
            /** @description A new journey was started; `Location` is its address. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartJourneyResult"] | components["schemas"]["StartJourneyAccepted"];
                };
            };
            /** @description Unknown journey type or invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The definition's current program settings were published for other declarations; nobody was enrolled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDetailView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ControlJourneyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDetailView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The journey has already ended. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_sendEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description One of the journey type's events (see eventSchema in GET /api/journey-types). */
        requestBody: {
            content: {
                "application/json": {
                    type: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDetailView"];
                };
            };
            /** @description The event is unknown to this journey or malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The journey has already ended. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_previewEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description One of the journey type's events, as it would be sent to POST /api/journeys/{id}/events. */
        requestBody: {
            content: {
                "application/json": {
                    type: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPreviewView"];
                };
            };
            /** @description The event is unknown to this journey or malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneyMessagesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutreachMessageView"][];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No journey with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ControlJourneyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDetailView"];
                };
            };
            /** @description No reason given, or the journey is not active. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The journey has already ended. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    JourneysController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ControlJourneyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyDetailView"];
                };
            };
            /** @description No reason given, or the journey is not paused. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The journey has already ended. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No worker answered in time (a change may still be applied when one does). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_setConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: "email" | "sms" | "portal" | "letter" | "call";
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientContactView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, integration, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_saveContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatientContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientContactView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_inbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutreachMessageView"][];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for integration keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    PatientsController_messages: {
        parameters: {
            query?: {
                /** @description Only this channel. */
                channel?: "email" | "sms" | "portal" | "letter" | "call";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutreachMessageView"][];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsVersionView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishSettingsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsVersionView"];
                };
            };
            /** @description The settings are invalid; nothing was published. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Another version was published after basedOnVersion. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsPreviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsPreviewView"];
                };
            };
            /** @description The draft is invalid, or the request is. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The wording cannot be rendered (unknown key, too long an SMS). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsCheckView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsVersionSummaryView"][];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    ProgramSettingsController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                journeyType: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsVersionView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for designer, operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Unknown journey type, or no such version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    SessionController_whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    StaffTasksController_list: {
        parameters: {
            query?: {
                /** @description Only tasks of this journey (its id). */
                journeyId?: string;
                /** @description Only tasks of journeys of this type (a journey type id). */
                journeyType?: string;
                limit?: number;
                /** @description Only tasks the caller has claimed. */
                mine?: boolean;
                /** @description Only tasks past their due time (true) or not (false). */
                overdue?: boolean;
                /** @description The nextPageToken of the previous page (same filters and sort). */
                pageToken?: string;
                /** @description Only tasks of this priority. */
                priority?: "routine" | "urgent";
                /** @description `priority`: urgent first, then by due time; `due`: the most overdue first; `created`: the oldest first. */
                sort?: "priority" | "due" | "created";
                /** @description One status or several, comma-separated (open, claimed, done, cancelled); the work queue asks for open,claimed. */
                status?: ("open" | "claimed" | "done" | "cancelled")[];
                /** @description Only tasks nobody has claimed. */
                unclaimed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffTaskPage"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator, auditor keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    StaffTasksController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimStaffTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffTaskView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Someone else holds it, or it is done. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
    StaffTasksController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteStaffTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletedStaffTaskView"];
                };
            };
            /** @description The body, query or path parameters are not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description No API key, or one that is not valid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description Only for operator keys; other roles are refused. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
            /** @description The task is already done or cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorView"];
                };
            };
        };
    };
}
