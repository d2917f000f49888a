// Every file of the vendored CACAO 2.0 schema tree (lib/cacao/schemas), imported statically so that
// the bundler ships them with the server code: the validator reads no file and fetches nothing at run
// time. schema-files.test.ts fails if a file in the folder is missing from this list.
import agentTargetAgentTarget from "./schemas/agent-target/agent-target.json";
import agentTargetGroup from "./schemas/agent-target/group.json";
import agentTargetHttpApi from "./schemas/agent-target/http-api.json";
import agentTargetIndividual from "./schemas/agent-target/individual.json";
import agentTargetLinux from "./schemas/agent-target/linux.json";
import agentTargetLocation from "./schemas/agent-target/location.json";
import agentTargetNetAddress from "./schemas/agent-target/net-address.json";
import agentTargetOrganization from "./schemas/agent-target/organization.json";
import agentTargetSector from "./schemas/agent-target/sector.json";
import agentTargetSecurityCategory from "./schemas/agent-target/security-category.json";
import agentTargetSsh from "./schemas/agent-target/ssh.json";
import authenticationInfoAuthenticationInfo from "./schemas/authentication-info/authentication-info.json";
import authenticationInfoHttpBasic from "./schemas/authentication-info/http-basic.json";
import authenticationInfoOauth2 from "./schemas/authentication-info/oauth2.json";
import authenticationInfoUserAuth from "./schemas/authentication-info/user-auth.json";
import commandsBash from "./schemas/commands/bash.json";
import commandsCalderaCmd from "./schemas/commands/caldera-cmd.json";
import commandsCommandData from "./schemas/commands/command-data.json";
import commandsElastic from "./schemas/commands/elastic.json";
import commandsHttpApi from "./schemas/commands/http-api.json";
import commandsJupyter from "./schemas/commands/jupyter.json";
import commandsKestrel from "./schemas/commands/kestrel.json";
import commandsManual from "./schemas/commands/manual.json";
import commandsOpenc2Http from "./schemas/commands/openc2-http.json";
import commandsPowershell from "./schemas/commands/powershell.json";
import commandsSigma from "./schemas/commands/sigma.json";
import commandsSsh from "./schemas/commands/ssh.json";
import commandsYara from "./schemas/commands/yara.json";
import dataMarkingsDataMarking from "./schemas/data-markings/data-marking.json";
import dataMarkingsMarkingIep from "./schemas/data-markings/marking-iep.json";
import dataMarkingsMarkingStatement from "./schemas/data-markings/marking-statement.json";
import dataMarkingsMarkingTlp from "./schemas/data-markings/marking-tlp.json";
import dataTypesCivicLocation from "./schemas/data-types/civic-location.json";
import dataTypesContact from "./schemas/data-types/contact.json";
import dataTypesExternalReference from "./schemas/data-types/external-reference.json";
import dataTypesIdentifier from "./schemas/data-types/identifier.json";
import dataTypesPlaybookProcessingSummary from "./schemas/data-types/playbook-processing-summary.json";
import dataTypesSignature from "./schemas/data-types/signature.json";
import dataTypesTimestamp from "./schemas/data-types/timestamp.json";
import dataTypesVariable from "./schemas/data-types/variable.json";
import extensionDefinitionExtensionDefinition from "./schemas/extension-definition/extension-definition.json";
import playbook from "./schemas/playbook.json";
import workflowsAction from "./schemas/workflows/action.json";
import workflowsEnd from "./schemas/workflows/end.json";
import workflowsIfCondition from "./schemas/workflows/if-condition.json";
import workflowsParallel from "./schemas/workflows/parallel.json";
import workflowsPlaybookAction from "./schemas/workflows/playbook-action.json";
import workflowsStart from "./schemas/workflows/start.json";
import workflowsSwitchCondition from "./schemas/workflows/switch-condition.json";
import workflowsWhileCondition from "./schemas/workflows/while-condition.json";
import workflowsWorkflowStep from "./schemas/workflows/workflow-step.json";

/** Relative path in the schema tree → schema. Each schema names itself by its `$id`. */
export const VENDORED_CACAO_SCHEMAS: Readonly<Record<string, object>> = {
  "agent-target/agent-target.json": agentTargetAgentTarget,
  "agent-target/group.json": agentTargetGroup,
  "agent-target/http-api.json": agentTargetHttpApi,
  "agent-target/individual.json": agentTargetIndividual,
  "agent-target/linux.json": agentTargetLinux,
  "agent-target/location.json": agentTargetLocation,
  "agent-target/net-address.json": agentTargetNetAddress,
  "agent-target/organization.json": agentTargetOrganization,
  "agent-target/sector.json": agentTargetSector,
  "agent-target/security-category.json": agentTargetSecurityCategory,
  "agent-target/ssh.json": agentTargetSsh,
  "authentication-info/authentication-info.json": authenticationInfoAuthenticationInfo,
  "authentication-info/http-basic.json": authenticationInfoHttpBasic,
  "authentication-info/oauth2.json": authenticationInfoOauth2,
  "authentication-info/user-auth.json": authenticationInfoUserAuth,
  "commands/bash.json": commandsBash,
  "commands/caldera-cmd.json": commandsCalderaCmd,
  "commands/command-data.json": commandsCommandData,
  "commands/elastic.json": commandsElastic,
  "commands/http-api.json": commandsHttpApi,
  "commands/jupyter.json": commandsJupyter,
  "commands/kestrel.json": commandsKestrel,
  "commands/manual.json": commandsManual,
  "commands/openc2-http.json": commandsOpenc2Http,
  "commands/powershell.json": commandsPowershell,
  "commands/sigma.json": commandsSigma,
  "commands/ssh.json": commandsSsh,
  "commands/yara.json": commandsYara,
  "data-markings/data-marking.json": dataMarkingsDataMarking,
  "data-markings/marking-iep.json": dataMarkingsMarkingIep,
  "data-markings/marking-statement.json": dataMarkingsMarkingStatement,
  "data-markings/marking-tlp.json": dataMarkingsMarkingTlp,
  "data-types/civic-location.json": dataTypesCivicLocation,
  "data-types/contact.json": dataTypesContact,
  "data-types/external-reference.json": dataTypesExternalReference,
  "data-types/identifier.json": dataTypesIdentifier,
  "data-types/playbook-processing-summary.json": dataTypesPlaybookProcessingSummary,
  "data-types/signature.json": dataTypesSignature,
  "data-types/timestamp.json": dataTypesTimestamp,
  "data-types/variable.json": dataTypesVariable,
  "extension-definition/extension-definition.json": extensionDefinitionExtensionDefinition,
  "playbook.json": playbook,
  "workflows/action.json": workflowsAction,
  "workflows/end.json": workflowsEnd,
  "workflows/if-condition.json": workflowsIfCondition,
  "workflows/parallel.json": workflowsParallel,
  "workflows/playbook-action.json": workflowsPlaybookAction,
  "workflows/start.json": workflowsStart,
  "workflows/switch-condition.json": workflowsSwitchCondition,
  "workflows/while-condition.json": workflowsWhileCondition,
  "workflows/workflow-step.json": workflowsWorkflowStep,
};
