"""Every string the program shows that is not content, in English and French.

Content (questions, profiles, dimensions) carries its own translations in the YAML files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

LANGS = ("en", "fr")

_STRINGS: dict[str, tuple[str, str]] = {
    # result screen
    "result.title": ("Your matches", "Vos correspondances"),
    "result.rank": ("#", "#"),
    "result.role": ("Role", "Métier"),
    "result.match": ("Match", "Score"),
    "result.why": ("Why", "Pourquoi"),
    "result.why_line": ("{dim}: {pts:+.1f} pts", "{dim} : {pts:+.1f} pts"),
    "result.from_answers": ("from", "grâce à"),
    "result.gaps": ("To grow", "À développer"),
    "result.gap_line": (
        "{question}: your answer: {you}, typical for this role: {typical} (match {now:.1f}% "
        "-> {then:.1f}%)",
        "{question} : votre réponse : {you}, typique de ce métier : {typical} (score {now:.1f} % "
        "-> {then:.1f} %)",
    ),
    "result.gap_tools_line": (
        "{question}: also typical for this role: {typical} (match {now:.1f}% -> {then:.1f}%)",
        "{question} : autre outil typique de ce métier : {typical} (score {now:.1f} % -> "
        "{then:.1f} %)",
    ),
    "result.gap_unasked_line": (
        "{question}: not asked in quick mode, typical for this role: {typical} (match "
        "{now:.1f}% -> {then:.1f}%)",
        "{question} : non posée en mode rapide, typique de ce métier : {typical} (score "
        "{now:.1f} % -> {then:.1f} %)",
    ),
    "result.gap_skipped_line": (
        "{question}: you skipped it, typical for this role: {typical} (match {now:.1f}% -> "
        "{then:.1f}%)",
        "{question} : question passée, typique de ce métier : {typical} (score {now:.1f} % -> "
        "{then:.1f} %)",
    ),
    "result.summary_gap": ("{question} (match {now:.1f}% -> {then:.1f}%)",
                           "{question} (score {now:.1f} % -> {then:.1f} %)"),
    "result.scale_point": ("{label} ({k} of {n})", "{label} ({k} sur {n})"),
    "result.against": ("Against", "Contre"),
    "result.no_gaps": ("No large gap on the dimensions this role weighs most.",
                       "Aucun écart important sur les dimensions qui comptent le plus ici."),
    "result.tools": ("Typical tools", "Outils typiques"),
    "result.day": ("A typical day", "Une journée type"),
    "result.ask": ("Ask the employer", "À demander à l'employeur"),
    "result.close_call": (
        "Close call: {first} and {second} are within {margin:.1f} points of each other; "
        "read both cards.",
        "Résultat serré : {first} et {second} sont à {margin:.1f} points l'un de l'autre ; "
        "lisez les deux fiches.",
    ),
    "result.below_zero": (
        "Below 0%: {roles}. What you said is not for you counts more against them than the "
        "rest of your answers counts for them.",
        "Sous 0 % : {roles}. Ce que vous avez dit ne pas aimer compte plus contre ces métiers que "
        "le reste de vos réponses ne compte pour eux.",
    ),
    "decode.below_zero": (
        "Below 0%: {roles}. This posting asks for both parts of a role that joins them, which "
        "counts against them more than the rest counts for them.",
        "Sous 0 % : {roles}. Cette offre demande les deux volets d'un métier qui les réunit, "
        "ce qui compte plus contre ces métiers que le reste ne compte pour eux.",
    ),
    "result.robust": (
        "Robust: removing any single answer would not change your top match.",
        "Robuste : retirer une seule réponse ne changerait pas votre premier résultat.",
    ),
    "result.fragile": (
        "Fragile: removing one of {n} answers ({questions}) would change your top match.",
        "Fragile : retirer l'une des {n} réponses ({questions}) changerait votre premier "
        "résultat.",
    ),
    "result.fragile_one": (
        "Fragile: without your answer to {questions}, your top match would change.",
        "Fragile : sans votre réponse à {questions}, votre premier résultat changerait.",
    ),
    "result.no_answers": (
        "Not enough answers to recommend a role: answer at least a few questions.",
        "Pas assez de réponses pour recommander un métier : répondez au moins à quelques "
        "questions.",
    ),
    "result.same_likert_answer": (
        "You gave the same answer to every scale question; the ranking cannot separate "
        "roles well.",
        "Vous avez donné la même réponse à toutes les questions à échelle ; le classement "
        "distingue mal les métiers.",
    ),
    "result.few_answers": (
        "You answered few questions; treat this ranking as a first hint.",
        "Vous avez répondu à peu de questions ; prenez ce classement comme une première piste.",
    ),
    "result.answered": ("{n} of {total} questions answered", "{n} questions sur {total} répondues"),
    "result.skipped": ("skipped", "passée"),
    "result.not_asked": ("not asked in quick mode", "non posée en mode rapide"),
    "result.none": ("none of these", "rien de tout cela"),
    # after the result: the menu, a comparison
    "compare.header": ("{first} {a:.1f}% vs {second} {b:.1f}%: {gap:.1f} points apart",
                       "{first} {a:.1f} % et {second} {b:.1f} % : {gap:.1f} points d'écart"),
    "compare.intro": (
        "What each dimension adds to each match, the ones that separate them first, with "
        "your answers behind them:",
        "Ce que chaque dimension apporte à chaque score, celles qui les séparent d'abord, "
        "avec vos réponses :",
    ),
    "compare.dimension": ("Dimension", "Dimension"),
    "compare.pts": ("{pts:+.1f} pts", "{pts:+.1f} pts"),
    "compare.rest": ("All other dimensions", "Toutes les autres dimensions"),
    "compare.not_said": (
        "(answers not known: this saved result names them for its top roles' strongest "
        "dimensions only, and the questions or roles have changed since it was saved)",
        "(réponses inconnues : ce résultat enregistré ne les cite que pour les dimensions les "
        "plus fortes de ses premiers métiers, et les questions ou les métiers ont changé depuis)",
    ),
    "menu.question": ("What next?", "Et ensuite ?"),
    "menu.instruction": ("(1-4 or arrows, Enter; q or Esc quits)",
                         "(1-4 ou flèches, Entrée ; q ou Échap pour quitter)"),
    "menu.sub_instruction": ("(arrows, Enter; Esc goes back)",
                             "(flèches, Entrée ; Échap pour revenir)"),
    "menu.sub_keys_instruction": ("({first}-{last} or arrows, Enter; Esc goes back)",
                                  "({first}-{last} ou flèches, Entrée ; Échap pour revenir)"),
    "menu.path_cancelled": ("(nothing saved)", "(rien d'enregistré)"),
    "menu.card": ("Open a role's card", "Ouvrir la fiche d'un métier"),
    "menu.compare": ("Compare two roles", "Comparer deux métiers"),
    "menu.save": ("Save the result to a file", "Enregistrer le résultat dans un fichier"),
    "menu.quit": ("Quit", "Quitter"),
    "menu.back": ("Back", "Retour"),
    "menu.pick_card": ("Which role?", "Quel métier ?"),
    "menu.pager_hint": ("Space or arrows to scroll, q to go back to the menu",
                        # ASCII only: less (590) shows UTF-8 in its prompt as control codes
                        "Espace pour avancer, q pour revenir au menu"),
    "menu.pick_first": ("Compare which role?", "Comparer quel métier ?"),
    "menu.pick_second": ("Compare {role} ({score:.0f}%) with which role?",
                         "Comparer {role} ({score:.0f} %) avec quel métier ?"),
    "menu.format": ("Save as", "Format du fichier"),
    "menu.format_json": ("JSON: the result document, for rolematch show and other programs",
                         "JSON : le document du résultat, pour rolematch show et d'autres "
                         "programmes"),
    "menu.format_md": ("Markdown: a report to read, print or send",
                       "Markdown : un rapport à lire, imprimer ou envoyer"),
    "menu.format_html": ("HTML: one page to open in a browser",
                         "HTML : une page à ouvrir dans un navigateur"),
    "menu.path": ("File to write (Esc goes back):", "Fichier à écrire (Échap pour revenir) :"),
    "menu.path_empty": ("Type a file name, or Esc to go back.",
                        "Tapez un nom de fichier, ou Échap pour revenir."),
    "menu.overwrite": ("{path} already exists. Replace it?", "{path} existe déjà. Le remplacer ?"),
    "menu.yes_no": ("(y/N)", "(o/N)"),
    "menu.yes": ("Yes", "Oui"),
    "menu.no": ("No", "Non"),
    # errors about what a person gives rolematch (files, answers, JSONL lines), said in the
    # run's language when printed (engine.errors.Msg); the English is the words of before
    "problem.at_line": ("line {n}", "ligne {n}"),
    "problem.line_column": ("line {line}, column {column}", "ligne {line}, colonne {column}"),
    "problem.got": ("{text} (got {value})", "{text} (valeur lue : {value})"),
    "problem.valid": ("{text}; valid: {choices}", "{text} ; valeurs possibles : {choices}"),
    "problem.more": (", ... {n} more", ", ... {n} autres"),
    "problem.unknown": ("{what} {value}", "{what} {value}"),
    "problem.did_you_mean": ("{text}; did you mean {close}?",
                             "{text} ; vouliez-vous dire {close} ?"),
    "problem.see": ("{text}; {see}", "{text} ; {see}"),
    "value.text": ("the text {value}", "le texte {value}"),
    "value.empty_text": ("an empty text", "un texte vide"),
    "value.list": ("a list {value}", "une liste {value}"),
    "value.empty_list": ("an empty list", "une liste vide"),
    "value.mapping": ("a mapping {value}", "un dictionnaire {value}"),
    "value.empty_mapping": ("an empty mapping", "un dictionnaire vide"),
    "input.not_found": ("file not found", "fichier introuvable"),
    "input.is_folder": ("is a folder, expected a file", "est un dossier, pas un fichier"),
    "input.socket_or_device": (
        "is not a regular file but a socket or a device; expected a file",
        "n'est pas un fichier ordinaire mais une socket ou un périphérique ; un fichier "
        "était attendu"),
    "input.not_regular": ("is not a regular file but {kind}; expected a file",
                          "n'est pas un fichier ordinaire mais {kind} ; un fichier était "
                          "attendu"),
    "input.kind_fifo": ("a FIFO (named pipe)", "un FIFO (tube nommé)"),
    "input.kind_device": ("a device", "un périphérique"),
    "input.kind_socket": ("a socket", "une socket"),
    "input.kind_other": ("something else", "autre chose"),
    "input.unreadable": ("cannot be read: {reason}", "lecture impossible : {reason}"),
    "input.unreadable_could": ("could not be read: {reason}", "lecture impossible : {reason}"),
    "input.too_large": (
        "is too large to read: over the {size} limit for this kind of file",
        "est trop volumineux : plus que la limite de {size} pour ce genre de fichier"),
    "input.mib": ("{n} MiB", "{n} Mio"),
    "input.bytes": ("{n} bytes", "{n} octets"),
    "input.not_utf8_at": ("is not UTF-8 text (byte {at} is {byte})",
                          "n'est pas du texte UTF-8 (l'octet {at} vaut {byte})"),
    "input.not_utf8": ("is not UTF-8 text", "n'est pas du texte UTF-8"),
    "input.too_deep": ("is nested too deeply to be read (more than {n} levels)",
                       "est trop imbriqué pour être lu (plus de {n} niveaux)"),
    "input.not_json": ("is not valid JSON: {reason}", "n'est pas du JSON valide : {reason}"),
    "input.not_yaml": ("is not valid YAML: {reason}", "n'est pas du YAML valide : {reason}"),
    # show --lang on a result that cannot be scored again in that language
    "show.other_questionnaire": (
        "was answered with another questionnaire than {id} version {version} (content_hash "
        "differs), so it can be shown in its own language ({own}) only: score its answers "
        "again with rolematch --answers --lang {asked}, or name that questionnaire with "
        "--questionnaire",
        "a été répondu avec un autre questionnaire que {id} version {version} (content_hash "
        "différent) : il ne peut être affiché que dans sa propre langue ({own}). Calculez de "
        "nouveau ses réponses avec rolematch --answers --lang {asked}, ou indiquez ce "
        "questionnaire avec --questionnaire"),
    "show.other_profiles": (
        "was scored with other role profiles than these, so it can be shown in its own "
        "language ({own}) only: score its answers again with rolematch --answers --lang "
        "{asked}, or name those profiles with --profiles",
        "a été calculé avec d'autres profils de métiers que ceux-ci : il ne peut être affiché "
        "que dans sa propre langue ({own}). Calculez de nouveau ses réponses avec rolematch "
        "--answers --lang {asked}, ou indiquez ces profils avec --profiles"),
    # what to do about a YAML mistake made by hand (engine.plain_yaml._hint)
    "yaml.where_key": ("{where}: {path}", "{where} : {path}"),
    "yaml.colon": (
        "a text with ': ' in it needs quotes: put the whole text in double quotes",
        "un texte qui contient « : » doit être entre guillemets : mettez tout le texte entre "
        "guillemets droits doubles (\")"),
    "yaml.quote_inside_single": (
        "a quote inside a text in single quotes ends it: double it ('l''outil'), or put the "
        "whole text in double quotes",
        "une apostrophe dans un texte entre apostrophes le termine : doublez-la ('l''outil'), "
        "ou mettez tout le texte entre guillemets droits doubles (\")"),
    "yaml.quote_inside_double": (
        "a double quote inside a text in double quotes ends it: put the whole text in single "
        "quotes instead, or write the inner ones \\\"",
        "un guillemet double dans un texte entre guillemets doubles le termine : mettez tout le "
        "texte entre apostrophes, ou écrivez ceux de l'intérieur \\\""),
    "yaml.unclosed_quote": (
        "this text opens with {quote} and never closes it: end the text with {quote}",
        "ce texte s'ouvre par {quote} et ne le referme jamais : terminez le texte par {quote}"),
    "yaml.starts_with": (
        "a text cannot start with '{char}' as it is: put the whole text in double quotes",
        "un texte ne peut pas commencer par « {char} » tel quel : mettez tout le texte entre "
        "guillemets droits doubles (\")"),
    "yaml.tab": ("this line starts with a tab: indent with spaces",
                 "cette ligne commence par une tabulation : indentez avec des espaces"),
    "yaml.no_colon": (
        "this line needs ':' after its key, as in 'fr: text'",
        "il manque « : » après la clé de cette ligne, comme dans « fr: texte »"),
    "yaml.unclosed_flow": (
        "this '{opening}' is never closed: end it with '{closing}' on its line",
        "ce « {opening} » n'est jamais refermé : terminez-le par « {closing} » sur sa ligne"),
    "yaml.indented_more": (
        "this line is indented more than the one above it: indent it like the others of its "
        "mapping (or, if it continues the text above, put that whole text in double quotes)",
        "cette ligne est plus indentée que celle du dessus : indentez-la comme les autres clés "
        "de son groupe (ou, si elle continue le texte du dessus, mettez tout ce texte entre "
        "guillemets droits doubles)"),
    "yaml.indent_mapping": (
        "check that this line is indented like the other keys of its mapping",
        "vérifiez que cette ligne est indentée comme les autres clés de son groupe"),
    "yaml.indent_list": (
        "check that this line is indented like the others of its list",
        "vérifiez que cette ligne est indentée comme les autres éléments de sa liste"),
    "yaml.not_an_item": (
        "this line is inside a list but does not start with '- ': start it with '- ', or "
        "indent it like the keys of the item above it",
        "cette ligne est dans une liste mais ne commence pas par « - » : commencez-la par "
        "« - », ou indentez-la comme les clés de l'élément du dessus"),
    "input.cut_short_file": ("{reason}: the file ends too early (was it cut short?)",
                             "{reason} : le fichier s'arrête trop tôt (a-t-il été tronqué ?)"),
    "input.cut_short_line": ("{reason}: the line ends too early (was it cut short?)",
                             "{reason} : la ligne s'arrête trop tôt (a-t-elle été tronquée ?)"),
    # json's own messages (engine.readers.JsonReason): English is json's words
    "json.Expecting value": ("Expecting value", "valeur attendue"),
    "json.Expecting ',' delimiter": ("Expecting ',' delimiter", "séparateur ',' attendu"),
    "json.Expecting ':' delimiter": ("Expecting ':' delimiter", "séparateur ':' attendu"),
    "json.Expecting property name enclosed in double quotes": (
        "Expecting property name enclosed in double quotes",
        "nom de clé entre guillemets doubles attendu"),
    "json.Unterminated string": ("Unterminated string", "texte non terminé"),
    "json.Invalid control character": ("Invalid control character",
                                       "caractère de contrôle invalide"),
    "json.Invalid \\escape": ("Invalid \\escape", "échappement \\ invalide"),
    "json.Invalid \\uXXXX escape": ("Invalid \\uXXXX escape", "échappement \\uXXXX invalide"),
    "json.Extra data": ("Extra data", "données en trop"),
    "input.at_column": ("{reason} (column {column})", "{reason} (colonne {column})"),
    "line.not_utf8": ("not UTF-8 text", "pas du texte UTF-8"),
    "line.not_json": ("not valid JSON: {reason}", "pas du JSON valide : {reason}"),
    "line.too_deep": ("is nested too deeply to be read", "est trop imbriquée pour être lue"),
    "posting.binary": ("looks like a binary file, not text",
                       "semble être un fichier binaire, pas du texte"),
    "posting.empty": ("is empty: nothing to decode", "est vide : rien à décoder"),
    "posting.not_object": ("expected an object with id, title and text",
                           "un objet avec id, title et text était attendu"),
    "posting.title": ("title must be a string", "title doit être un texte"),
    "posting.no_text": ("the required key 'text' is missing",
                        "la clé obligatoire 'text' manque"),
    "posting.unknown_key": ("unknown key {name}; did you mean {meant}? ({missing})",
                            "clé inconnue {name} ; vouliez-vous dire {meant} ? ({missing})"),
    "answers.empty": ("the file is empty", "le fichier est vide"),
    "answers.not_mapping": ("expected a mapping with an 'answers' key, got {value}",
                            "un dictionnaire avec une clé 'answers' était attendu, valeur "
                            "lue : {value}"),
    "answers.not_object": ("expected an object with an 'answers' key, got {value}",
                           "un objet avec une clé 'answers' était attendu, valeur lue : "
                           "{value}"),
    "answers.other_kind": (
        "this is {kind}, not answers: --answers reads an answers file (rolematch schema "
        "answers) or a saved result",
        "ceci est {kind}, pas des réponses : --answers lit un fichier de réponses (rolematch "
        "schema answers) ou un résultat enregistré"),
    "answers.unknown_key": ("unknown key", "clé inconnue"),
    "answers.unknown_question": ("unknown question id", "identifiant de question inconnu"),
    "answers.unknown_option": ("unknown option", "option inconnue"),
    "answers.write_a_list": (
        "{value} is several options in one text: write them as a list, {listed}",
        "{value} réunit plusieurs options dans un même texte : écrivez-les en liste, {listed}"),
    "answers.see_questions": ("rolematch questions lists the {n} question ids",
                              "rolematch questions liste les {n} identifiants de question"),
    "answers.missing_key": ("required key is missing", "clé obligatoire manquante"),
    "answers.other_questionnaire": (
        "answers are for another questionnaire: expected {expected}, got {value}",
        "ces réponses sont pour un autre questionnaire : {expected} attendu, valeur lue : "
        "{value}"),
    "answers.unknown_lang": ("unknown language, got {value}", "langue inconnue, valeur lue : "
                                                              "{value}"),
    "answers.bad_id": ("expected a text or a whole number, got {value}",
                       "un texte ou un nombre entier était attendu, valeur lue : {value}"),
    "answers.not_answers_mapping": (
        "expected a mapping of question id to answer, got {value}",
        "un dictionnaire des identifiants de question vers les réponses était attendu, "
        "valeur lue : {value}"),
    "answers.result_other": (
        "this is {kind} of another questionnaire than {expected}: score its answers with that "
        "questionnaire (--questionnaire FILE)",
        "ceci est {kind} d'un autre questionnaire que {expected} : évaluez ses réponses avec "
        "ce questionnaire (--questionnaire FICHIER)"),
    "answers.result_unfit": (
        "this is {kind} whose answers do not fit questionnaire {expected} (perhaps another "
        "version of it); {which}: {first}",
        "ceci est {kind} dont les réponses ne conviennent pas au questionnaire {expected} "
        "(peut-être une autre version) ; {which} : {first}"),
    "answers.problems_first": ("{n} problems, the first", "{n} problèmes, dont le premier"),
    "answers.problems_first_one": ("1 problem", "1 problème"),
    "answers.likert": ("expected a whole number from 1 to {n}, got {value}",
                       "un nombre entier de 1 à {n} était attendu, valeur lue : {value}"),
    "answers.likert_quoted": ("{text} (write it without quotes)",
                              "{text} (écrivez-le sans guillemets)"),
    "answers.single": ("expected one option id, got {value}",
                       "un identifiant d'option était attendu, valeur lue : {value}"),
    "answers.multi": ("expected a list of option ids, got {value}",
                      "une liste d'identifiants d'option était attendue, valeur lue : {value}"),
    "answers.multi_item": ("expected an option id, got {value}",
                           "un identifiant d'option était attendu, valeur lue : {value}"),
    "answers.twice": ("option {value} given twice", "option {value} donnée deux fois"),
    "show.few_explained": (
        "rolematch: note: only {n} roles are explained in {path}; to see {wanted}, score its "
        "answers again: rolematch --answers {quoted} --top {wanted}",
        "rolematch: remarque : {n} métiers seulement sont expliqués dans {path} ; pour en "
        "voir {wanted}, évaluez de nouveau ses réponses : rolematch --answers {quoted} --top "
        "{wanted}"),
    "show.few_explained_one": (
        "rolematch: note: only 1 role is explained in {path}; to see {wanted}, score its "
        "answers again: rolematch --answers {quoted} --top {wanted}",
        "rolematch: remarque : 1 métier seulement est expliqué dans {path} ; pour en voir "
        "{wanted}, évaluez de nouveau ses réponses : rolematch --answers {quoted} --top "
        "{wanted}"),
    "fit.no_posting": (
        "give a posting as POSTING (a file), '-' or on standard input (see rolematch fit "
        "--help)",
        "donnez une offre : POSTING (un fichier), '-' ou l'entrée standard (voir rolematch "
        "fit --help)"),
    "kind.result": ("a saved result (rolematch --answers FILE --json, or -o FILE)",
                    "un résultat enregistré (rolematch --answers FICHIER --json, ou -o "
                    "FICHIER)"),
    "kind.decode": ("a decode document (rolematch decode --json)",
                    "un document de décodage (rolematch decode --json)"),
    "kind.fit": ("a fit document (rolematch fit --json)",
                 "un document d'adéquation (rolematch fit --json)"),
    "kind.answers": ("an answers file", "un fichier de réponses"),
    # every file a command writes (a report, a result, answers), from the menu or -o
    "file.saved": ("Saved to {path} (readable by you only).",
                   "Enregistré dans {path} (lisible par vous uniquement)."),
    "file.not_written": ("could not be written: {reason}", "écriture impossible : {reason}"),
    "file.exists": ("already exists; pass --force to overwrite it",
                    "existe déjà ; ajoutez --force pour le remplacer"),
    "file.no_folder": ("folder {folder} does not exist", "le dossier {folder} n'existe pas"),
    "file.is_folder": ("{path} is a folder", "{path} est un dossier"),
    "file.reason_full": ("the disk is full", "le disque est plein"),
    "file.reason_denied": ("permission denied", "permission refusée"),
    "file.reason_read_only": ("the file system is read-only",
                              "le système de fichiers est en lecture seule"),
    "file.reason_quota": ("disk quota exceeded", "quota de disque dépassé"),
    # English runs keep the system's words for these (files.reason)
    "file.reason_missing": ("no such file or directory", "fichier ou dossier introuvable"),
    "file.reason_is_folder": ("is a directory", "c'est un dossier"),
    "file.reason_not_folder": ("not a directory",
                               "une partie du chemin n'est pas un dossier"),
    "file.reason_exists": ("file exists", "le fichier existe déjà"),
    "file.reason_too_large": ("file too large", "fichier trop volumineux"),
    "file.answers_here": (
        "your answers could not be kept either; here they are, to save as a .json file and "
        "score with `rolematch --answers FILE`: {answers}",
        "vos réponses n'ont pas pu être gardées non plus ; les voici, à enregistrer dans un "
        "fichier .json et à évaluer avec `rolematch --answers FICHIER` : {answers}",
    ),
    "file.answers_kept": (
        "your answers are kept in {path}; `rolematch --resume` shows the result again",
        "vos réponses sont gardées dans {path} ; `rolematch --resume` affiche de nouveau le "
        "résultat",
    ),
    "menu.not_saved": ("Not saved: {reason}", "Non enregistré : {reason}"),
    "menu.quit_kept": (
        "Not saved: your answers are kept in {path}; `rolematch --resume` shows this result "
        "again.",
        "Non enregistré : vos réponses sont gardées dans {path} ; `rolematch --resume` affiche "
        "de nouveau ce résultat.",
    ),
    "menu.kept": ("Not saved; {path} is unchanged.", "Non enregistré ; {path} est inchangé."),
    # decode
    "decode.mismatch": (
        "Titled {title}, but the skills asked read as {role}: {evidence}.",
        "Intitulé {title}, mais les compétences demandées correspondent à {role} : {evidence}.",
    ),
    "decode.close_call": (
        "Close call: this posting reads as {first}, and almost as much as {second} (within "
        "{margin:.1f} points); ask the employer which of the two the job is.",
        "Résultat serré : cette offre se lit comme {first}, et presque autant comme {second} "
        "(à {margin:.1f} points) ; demandez à l'employeur lequel des deux est le poste.",
    ),
    "decode.robust": (
        "Robust: without any one of the terms found, this posting would still read as {role}.",
        "Robuste : sans l'un quelconque des termes trouvés, cette offre se lirait toujours "
        "comme {role}.",
    ),
    "decode.fragile": (
        "Fragile: without one of {n} terms found in the posting ({terms}), it would no "
        "longer read as {role}.",
        "Fragile : sans l'un des {n} termes trouvés dans l'offre ({terms}), elle ne se lirait "
        "plus comme {role}.",
    ),
    "decode.fragile_one": (
        "Fragile: without one term found in the posting ({terms}), it would no longer read "
        "as {role}.",
        "Fragile : sans un terme trouvé dans l'offre ({terms}), elle ne se lirait plus comme "
        "{role}.",
    ),
    "decode.gap_line": (
        "{dim} (posting {you:.0%}, role {role:.0%}): {now:.0f}% -> {then:.0f}% if it asked "
        "for it at the role's level",
        "{dim} (offre {you:.0%}, métier {role:.0%}) : {now:.0f} % -> {then:.0f} % si elle le "
        "demandait au niveau du métier",
    ),
    "decode.found": ("Found in the posting", "Trouvé dans l'offre"),
    "decode.kind.tool": ("Tools", "Outils"),
    "decode.kind.skill": ("Skills", "Compétences"),
    "decode.kind.activity": ("Activities", "Activités"),
    "decode.nothing": (
        "Nothing recognised: no known skill or tool in this text.",
        "Rien de reconnu : aucune compétence ni aucun outil connus dans ce texte.",
    ),
    "decode.preferences": (
        "About the work itself (shown, not counted in the ranking)",
        "Sur le travail lui-même (affiché, non compté dans le classement)",
    ),
    "decode.header": ("Roles this posting describes", "Métiers que décrit cette offre"),
    "decode.terms": ("{n} terms recognised", "{n} termes reconnus"),
    "decode.terms_one": ("1 term recognised", "1 terme reconnu"),
    "decode.more": ("+{n} more", "+{n} autres"),
    "decode.more_one": ("+1 more", "+1 autre"),
    "decode.gaps": ("Usually asked for this role, and asked for less here",
                    "Habituel pour ce métier, et moins demandé ici"),
    # fit
    "fit.title": ("Your fit with this posting", "Votre adéquation avec cette offre"),
    "fit.titled": ("Your fit with “{title}”", "Votre adéquation avec « {title} »"),
    "fit.nothing": (
        "Nothing to fit: no known skill or tool in this posting.",
        "Rien à comparer : aucune compétence ni aucun outil connus dans cette offre.",
    ),
    "fit.match": ("{pct:.0f}% over the {n} things it asks for",
                  "{pct:.0f} % sur les {n} éléments qu'elle demande"),
    "fit.posting_role": (
        "This posting reads as {role} ({posting:.0f}%); you match that role at {you:.0f}%.",
        "Cette offre se lit comme {role} ({posting:.0f} %) ; vous correspondez à ce métier à "
        "{you:.0f} %.",
    ),
    "fit.person_role": (
        "Your top role: {role} ({you:.0f}%); this posting reads as it at {posting:.0f}%.",
        "Le métier qui vous correspond le mieux : {role} ({you:.0f} %) ; cette offre y "
        "correspond à {posting:.0f} %.",
    ),
    "fit.same_role": ("It is your top role too.",
                      "C'est aussi le métier qui vous correspond le mieux."),
    "fit.no_person_role": (
        "Your result has not enough answers to name a top role.",
        "Votre résultat n'a pas assez de réponses pour nommer un premier métier.",
    ),
    "fit.covered": ("You cover ({n} of {total})", "Vous couvrez ({n} sur {total})"),
    "fit.lacking": ("You lack, what would raise the fit most first ({n} of {total})",
                    "Ce qui vous manque, le plus utile à apprendre d'abord ({n} sur {total})"),
    "fit.ask_line": ("{label}: {pts:+.1f} pts (posting {posting:.0%}, you {you:.0%})",
                     "{label} : {pts:+.1f} pts (offre {posting:.0%}, vous {you:.0%})"),
    "fit.lack_line": ("{label}: {pts:+.1f} pts (posting {posting:.0%}, you {you:.0%})",
                      "{label} : {pts:+.1f} pts (offre {posting:.0%}, vous {you:.0%})"),
    "fit.quick_result": (
        "From a quick-mode result ({n} questions asked): what quick mode never asked counts "
        "for nothing here, and the whole quiz may give a higher fit.",
        "D'après un résultat du mode rapide ({n} questions posées) : ce que le mode rapide n'a "
        "pas demandé ne compte pas ici, et le questionnaire complet peut donner une adéquation "
        "plus haute.",
    ),
    "fit.same_what_if": ("The same answer as for {label}, above, raises this too.",
                         "La même réponse que pour {label}, plus haut, relève aussi ce point."),
    "fit.gap_line": (
        "{question}: your answer: {you}, this posting asks: {typical} (fit {now:.1f}% -> "
        "{then:.1f}%)",
        "{question} : votre réponse : {you}, cette offre demande : {typical} (adéquation "
        "{now:.1f} % -> {then:.1f} %)",
    ),
    "fit.gap_tools_line": (
        "{question}: if you learnt {typical} (fit {now:.1f}% -> {then:.1f}%)",
        "{question} : en apprenant {typical} (adéquation {now:.1f} % -> {then:.1f} %)",
    ),
    "fit.gap_unasked_line": (
        "{question}: not asked in quick mode, this posting asks: {typical} (fit {now:.1f}% "
        "-> {then:.1f}%)",
        "{question} : non posée en mode rapide, cette offre demande : {typical} (adéquation "
        "{now:.1f} % -> {then:.1f} %)",
    ),
    "fit.gap_skipped_line": (
        "{question}: you skipped it, this posting asks: {typical} (fit {now:.1f}% -> "
        "{then:.1f}%)",
        "{question} : question passée, cette offre demande : {typical} (adéquation {now:.1f} "
        "% -> {then:.1f} %)",
    ),
    "fit.no_what_if": (
        "no single answer you could raise would move the fit by more than a point",
        "aucune réponse que vous pourriez relever ne ferait bouger l'adéquation de plus d'un "
        "point",
    ),
    # fit: a tool the posting does not name (a suggestion), and a blend's line
    "fit.gap_suggested_line": (
        "{question}: this posting does not name {typical}, but learning it would raise the "
        "fit (fit {now:.1f}% -> {then:.1f}%)",
        "{question} : cette offre ne nomme pas {typical}, mais l'apprendre relèverait "
        "l'adéquation (adéquation {now:.1f} % -> {then:.1f} %)",
    ),
    "fit.gap_unasked_suggested_line": (
        "{question}: not asked in quick mode; this posting does not name {typical}, but "
        "learning it would raise the fit (fit {now:.1f}% -> {then:.1f}%)",
        "{question} : non posée en mode rapide ; cette offre ne nomme pas {typical}, mais "
        "l'apprendre relèverait l'adéquation (adéquation {now:.1f} % -> {then:.1f} %)",
    ),
    "fit.gap_skipped_suggested_line": (
        "{question}: you skipped it; this posting does not name {typical}, but learning it "
        "would raise the fit (fit {now:.1f}% -> {then:.1f}%)",
        "{question} : question passée ; cette offre ne nomme pas {typical}, mais l'apprendre "
        "relèverait l'adéquation (adéquation {now:.1f} % -> {then:.1f} %)",
    ),
    "fit.blend_line": (
        "{label}: {pts:+.1f} pts (its parts asked together; you have {share:.0%} of the "
        "posting's level)",
        "{label} : {pts:+.1f} pts (ses parties demandées ensemble ; vous avez {share:.0%} du "
        "niveau de l'offre)",
    ),
    # batch and decode --jsonl on stderr: {count} is the number as the language writes it
    # (12,345 / 12 345); the _one forms serve 1, and in French 0 too (batch.counted)
    "batch.scoring": ("scoring", "évaluation"),
    "batch.decoding": ("decoding", "décodage"),
    "batch.report": ("report", "rapport"),
    "batch.skipped_line": ("{source}: line {line}: skipped: {reason}",
                           "{source}: ligne {line} ignorée : {reason}"),
    "batch.bad": ("{count} bad lines skipped", "{count} lignes invalides ignorées"),
    "batch.bad_one": ("{count} bad line skipped", "{count} ligne invalide ignorée"),
    "batch.bad_exit_zero": (
        "{bad} (exit code 0; --on-error fail stops at the first, with exit code 2)",
        "{bad} (code de sortie 0 ; --on-error fail arrête à la première, avec le code de "
        "sortie 2)",
    ),
    "batch.written": ("{count} results written{where}; {bad}",
                      "{count} résultats écrits{where} ; {bad}"),
    "batch.written_one": ("{count} result written{where}; {bad}",
                          "{count} résultat écrit{where} ; {bad}"),
    "batch.written_to": (" to {path}", " dans {path}"),
    "batch.decoded": ("{count} postings decoded; {bad}", "{count} offres décodées ; {bad}"),
    "batch.decoded_one": ("{count} posting decoded; {bad}", "{count} offre décodée ; {bad}"),
    "batch.empty": ("{count} people with no answers to score (top_role null)",
                    "{count} personnes sans réponse à évaluer (top_role null)"),
    "batch.empty_one": ("{count} person with no answers to score (top_role null)",
                        "{count} personne sans réponse à évaluer (top_role null)"),
    "batch.empty_csv": (
        "{count} people with no answers to score (top_role and scores left empty)",
        "{count} personnes sans réponse à évaluer (top_role et scores laissés vides)"),
    "batch.empty_csv_one": (
        "{count} person with no answers to score (top_role and scores left empty)",
        "{count} personne sans réponse à évaluer (top_role et scores laissés vides)"),
    "batch.empty_full": ("{count} people with no answers to score (enough_answers false)",
                         "{count} personnes sans réponse à évaluer (enough_answers false)"),
    "batch.empty_full_one": ("{count} person with no answers to score (enough_answers false)",
                             "{count} personne sans réponse à évaluer (enough_answers false)"),
    "batch.blank": ("{count} blank lines ignored", "{count} lignes vides ignorées"),
    "batch.blank_one": ("{count} blank line ignored", "{count} ligne vide ignorée"),
    "batch.blank_then_bad": ("{blank}; {bad}", "{blank} ; {bad}"),
    "batch.none_scored": ("no line could be scored ({bad})",
                          "aucune ligne n'a pu être évaluée ({bad})"),
    "batch.none_decoded": ("no posting could be decoded ({bad})",
                           "aucune offre n'a pu être décodée ({bad})"),
    # reports over many results (batch --report, decode --jsonl --report)
    "report.footer": ("rolematch {version} · {date} · charts: matplotlib {mpl}",
                      "rolematch {version} · {date} · graphiques : matplotlib {mpl}"),
    "report.people": ("people", "personnes"),
    "report.share": ("share", "part"),
    "cohort.title": ("Cohort report", "Rapport de cohorte"),
    "cohort.summary": ("{n} people scored; {k} without enough answers to name a top role.",
                       "{n} personnes évaluées ; {k} sans assez de réponses pour désigner un "
                       "premier métier."),
    "cohort.skipped_one": ("1 line of the input was not scored: it is not a valid answers "
                           "object.",
                           "1 ligne de l'entrée n'a pas été évaluée : ce n'est pas un objet de "
                           "réponses valide."),
    "cohort.skipped": ("{n} lines of the input were not scored: they are not valid answers "
                       "objects.",
                       "{n} lignes de l'entrée n'ont pas été évaluées : ce ne sont pas des "
                       "objets de réponses valides."),
    "cohort.skipped_line": ("line {line}: {reason}", "ligne {line} : {reason}"),
    "cohort.skipped_more": ("and {n} more", "et {n} de plus"),
    "cohort.top": ("Top roles", "Premiers métiers"),
    "cohort.top_chart": ("People by top role", "Personnes par premier métier"),
    "cohort.close": ("Close calls", "Résultats serrés"),
    "cohort.close_summary": (
        "{c} of {n} people ({pct:.1f}%) have their first two roles within {margin:.0f} "
        "points of each other: read both cards with them.",
        "{c} personnes sur {n} ({pct:.1f} %) ont leurs deux premiers métiers à moins de "
        "{margin:.0f} points l'un de l'autre : lisez les deux fiches avec elles."),
    "cohort.first": ("First role", "Premier métier"),
    "cohort.second": ("Second role", "Deuxième métier"),
    "cohort.profile": ("Average profile of each group", "Profil moyen de chaque groupe"),
    "cohort.profile_note": (
        "Each column is the mean vector of the people whose top role it is, dimension by "
        "dimension, times 100 (below 0 only from dislikes).",
        "Chaque colonne est le vecteur moyen des personnes dont c'est le premier métier, "
        "dimension par dimension, multiplié par 100 (sous 0 seulement par des rejets)."),
    "cohort.profile_chart": ("Mean value by dimension, by top role",
                             "Valeur moyenne par dimension, par premier métier"),
    "cohort.dimension": ("Dimension", "Dimension"),
    "cohort.group": ("Top role", "Premier métier"),
    "cohort.table": ("The numbers", "Les chiffres"),
    "market.title": ("Job market report", "Rapport sur le marché de l'emploi"),
    "market.points_value": ("{points:+.1f}", "{points:+.1f}"),
    "market.summary": ("{n} postings decoded; {r} with a skill or tool recognised.",
                       "{n} offres décodées ; {r} avec une compétence ou un outil reconnu."),
    "market.summary_one": ("1 posting decoded; {r} with a skill or tool recognised.",
                           "1 offre décodée ; {r} avec une compétence ou un outil reconnu."),
    "market.cross": ("Title against content", "Intitulé contre contenu"),
    "market.cross_note": (
        "Rows: the role the title names. Columns: the role the skills and tools describe. "
        "On the diagonal they agree.",
        "Lignes : le métier que nomme l'intitulé. Colonnes : le métier que décrivent les "
        "compétences et les outils. Sur la diagonale, ils concordent."),
    "market.cross_chart": ("Postings by title role and content role",
                           "Offres par métier de l'intitulé et métier du contenu"),
    "market.title_role": ("Role the title names", "Métier de l'intitulé"),
    "market.content_role": ("Role the content describes", "Métier du contenu"),
    "market.no_title_role": ("(no role in the title)", "(aucun métier dans l'intitulé)"),
    "market.nothing": ("(nothing recognised)", "(rien de reconnu)"),
    "market.disagree": ("Titles that name another role", "Intitulés qui nomment un autre métier"),
    "market.disagree_summary": (
        "{d} of the {t} postings whose title names a role and whose text names a known skill "
        "or tool ({pct:.1f}%) describe another role in their skills and tools.",
        "{d} des {t} offres dont l'intitulé nomme un métier et le texte une compétence ou un "
        "outil connu ({pct:.1f} %) décrivent un autre métier par leurs compétences et leurs "
        "outils."),
    "market.disagree_chart": ("Content reads as another role, by title role",
                              "Contenu d'un autre métier, par métier de l'intitulé"),
    "market.share_axis": ("share of the postings so titled", "part des offres de cet intitulé"),
    "market.terms": ("Terms that decide each role", "Termes qui décident chaque métier"),
    "market.terms_note": (
        "For the postings whose content reads as the role: the terms most often among its "
        "reasons, and the points they add to its match on average.",
        "Pour les offres dont le contenu correspond au métier : les termes le plus souvent "
        "parmi ses raisons, et les points qu'ils ajoutent en moyenne à son score."),
    "market.term": ("Term", "Terme"),
    "market.postings": ("postings", "offres"),
    "market.points": ("points on average", "points en moyenne"),
    "market.none": ("No posting had a skill or tool recognised.",
                    "Aucune offre n'avait de compétence ou d'outil reconnu."),
    # the chart in show --format html
    "result.chart_title": ("Your profile against the top roles",
                           "Votre profil face aux premiers métiers"),
    "result.chart_note": (
        "Dimension by dimension, your vector and each role's weights, both scaled to length "
        "1: the numbers the match multiplies and adds up. Where a role's bar is longer than "
        "yours, it asks for more than you said.",
        "Dimension par dimension, votre vecteur et les poids de chaque métier, ramenés à la "
        "longueur 1 : les nombres que le score multiplie et additionne. Là où la barre d'un "
        "métier dépasse la vôtre, il demande plus que ce que vous avez dit."),
    "result.chart_axis": ("value, vector scaled to length 1",
                          "valeur, vecteur ramené à la longueur 1"),
    "result.chart_you": ("You", "Vous"),
    "result.chart_missing": (
        "The chart of this profile against the top roles is not included: the page was saved "
        "without the charting library.",
        "Le graphique de ce profil face aux premiers métiers n'est pas inclus : la page a été "
        "enregistrée sans la bibliothèque de graphiques."),
    "file.no_chart": (
        "The page has no chart of your profile: pip install 'rolematch[report]' (matplotlib), "
        "then save it again.",
        "La page n'a pas le graphique de votre profil : pip install 'rolematch[report]' "
        "(matplotlib), puis enregistrez-la de nouveau."),
    "result.chart_other_profiles": (
        "No chart: the role profiles loaded are not the ones this result was scored with "
        "(name them with --profiles).",
        "Pas de graphique : les profils de métiers chargés ne sont pas ceux avec lesquels ce "
        "résultat a été calculé (indiquez-les avec --profiles)."),
    # roles / questions / validate
    "roles.objective": ("Objective", "Objectif"),
    "roles.also_called": ("Also called", "Autres intitulés"),
    "roles.skills": ("Key skills", "Compétences clés"),
    "roles.deliverables": ("Deliverables", "Livrables"),
    "roles.differs": ("How it differs", "Ce qui le distingue"),
    "roles.sources": ("Sources", "Sources (notes en anglais)"),
    "roles.weights": ("Heaviest dimensions", "Dimensions les plus lourdes"),
    "questions.section": ("Section", "Section"),
    "questions.options": ("options", "options"),
    "questions.multi_hint": ("(tick any)", "(plusieurs choix)"),
    "validate.ok": ("Content is valid.", "Le contenu est valide."),
    # quiz
    "quiz.welcome_title": ("rolematch", "rolematch"),
    "quiz.welcome": (
        "{n} questions, about {minutes} minutes: answer from what you have done and what you "
        "enjoy.",
        "{n} questions, environ {minutes} minutes : répondez selon ce que vous avez fait et "
        "aimez.",
    ),
    "quiz.keys": (
        "Keys: arrows, Enter; numbered answers by number, space ticks. \"I don't know\" "
        "skips, \"Back\" goes back. Ctrl-C saves and quits; `rolematch --resume` continues.",
        "Touches : flèches, Entrée ; réponses numérotées par chiffre, espace coche ; « Je ne "
        "sais pas » passe. Ctrl-C enregistre et quitte ; `rolematch --resume` reprend.",
    ),
    "quiz.start": ("Start", "Commencer"),
    "quiz.quick_hint": (
        "Short on time? `rolematch --quick` stops as soon as more answers are unlikely to "
        "change your top match (often 8 to 12 questions).",
        "Peu de temps ? `rolematch --quick` s'arrête dès que d'autres réponses ont peu de "
        "chances de changer votre premier résultat (souvent 8 à 12 questions).",
    ),
    "quiz.welcome_quick": (
        "Quick mode: each question is chosen from your answers so far, and the quiz stops once "
        "more answers are unlikely to change your top match (at most {n} questions).",
        "Mode rapide : chaque question est choisie d'après vos réponses, et le questionnaire "
        "s'arrête dès que d'autres réponses ont peu de chances de changer votre premier "
        "résultat ({n} questions au plus).",
    ),
    "quiz.progress_quick": ("Question {i} (quick mode, at most {n}) · {section}",
                            "Question {i} (mode rapide, {n} au plus) · {section}"),
    "quiz.quick_stop_bound": (
        "Stopped after {n} of {total} questions: no remaining answer could change your top "
        "match.",
        "Arrêt après {n} questions sur {total} : aucune réponse restante ne pourrait changer "
        "votre premier résultat.",
    ),
    "quiz.quick_stop_settled": (
        "Stopped after {n} of {total} questions: the remaining questions are unlikely to "
        "change your top match.",
        "Arrêt après {n} questions sur {total} : les questions restantes ont peu de chances de "
        "changer votre premier résultat.",
    ),
    "quiz.quick_choice": ("What now?", "Et maintenant ?"),
    "quiz.quick_result": ("See my result", "Voir mon résultat"),
    "quiz.quick_continue": ("Answer the {n} remaining questions",
                            "Répondre aux {n} questions restantes"),
    "quiz.quick_continue_one": ("Answer the last question", "Répondre à la dernière question"),
    "quiz.progress": ("Question {i} of {n} · {section}", "Question {i} sur {n} · {section}"),
    "quiz.skip": ("I don't know (skip)", "Je ne sais pas (passer)"),
    "quiz.back": ("Back", "Retour"),
    "quiz.none": ("None of these", "Rien de tout cela"),  # agrees with any question's noun
    "quiz.echo_back": ("(back)", "(retour)"),
    "quiz.echo_more": ("+{n} more", "+{n} autres"),
    "quiz.echo_more_one": ("+1 more", "+1 autre"),
    "quiz.done_button": ("Confirm", "Valider"),
    "quiz.multi_instruction": (
        "(space ticks, Enter confirms)",
        "(espace coche, Entrée valide)",
    ),
    "quiz.multi_conflict": ("“{choice}” goes alone: untick the rest.",
                            "« {choice} » exclut les autres choix."),
    "quiz.likert_instruction": ("(1-{n} or arrows, Enter)", "(1-{n} ou flèches, Entrée)"),
    "quiz.single_instruction": ("(1-{n} or arrows, Enter)", "(1-{n} ou flèches, Entrée)"),
    "quiz.arrows_instruction": ("(arrows, Enter)", "(flèches, Entrée)"),
    "quiz.computing": ("Computing your matches...", "Calcul de vos correspondances..."),
    "quiz.interrupted": (
        "Interrupted. Your answers so far ({n}) are saved in {path}. Continue with: {command}",
        "Interrompu. Vos réponses ({n}) sont enregistrées dans {path}. Reprenez avec : "
        "{command}",
    ),
    "quiz.menu_interrupted": (
        "Interrupted. Your answers are kept in {path}: rolematch --resume shows the result "
        "again.",
        "Interrompu. Vos réponses sont gardées dans {path} : rolematch --resume affiche de "
        "nouveau le résultat.",
    ),
    "quiz.interrupted_nothing": (
        "Interrupted before any answer. Your unfinished quiz is still in {path}: "
        "rolematch --resume continues it.",
        "Interrompu avant toute réponse. Votre questionnaire inachevé est toujours dans "
        "{path} : rolematch --resume le reprend.",
    ),
    "quiz.interrupted_nothing_finished": (
        "Interrupted before any answer. Your finished quiz's answers are still in {path}: "
        "rolematch --resume shows its result.",
        "Interrompu avant toute réponse. Les réponses de votre questionnaire terminé sont "
        "toujours dans {path} : rolematch --resume affiche son résultat.",
    ),
    "quiz.finished_kept": (
        "You have a finished quiz whose answers are kept in {path}. To see its result, press "
        "Ctrl-C now and run: rolematch --resume. Answering here starts a new quiz and keeps "
        "those answers as {kept}.",
        "Vous avez un questionnaire terminé dont les réponses sont gardées dans {path}. Pour "
        "voir son résultat, appuyez sur Ctrl-C maintenant et lancez : rolematch --resume. "
        "Répondre ici commence un nouveau questionnaire et garde ces réponses sous {kept}.",
    ),
    "quiz.unfinished_one": (
        "You have an unfinished quiz (1 answered, in {path}). To continue it, press Ctrl-C "
        "now and run: rolematch --resume. Answering here starts a new quiz and keeps the "
        "unfinished one as {kept}.",
        "Vous avez un questionnaire inachevé (1 réponse, dans {path}). Pour le reprendre, "
        "appuyez sur Ctrl-C maintenant et lancez : rolematch --resume. Répondre ici commence "
        "un nouveau questionnaire et garde l'inachevé sous {kept}.",
    ),
    "quiz.unfinished": (
        "You have an unfinished quiz ({n} answered, in {path}). To continue it, press Ctrl-C "
        "now and run: rolematch --resume. Answering here starts a new quiz and keeps the "
        "unfinished one as {kept}.",
        "Vous avez un questionnaire inachevé ({n} réponses, dans {path}). Pour le reprendre, "
        "appuyez sur Ctrl-C maintenant et lancez : rolematch --resume. Répondre ici commence "
        "un nouveau questionnaire et garde l'inachevé sous {kept}.",
    ),
    "quiz.resumed": (
        "Resuming: answers restored ({n}, {skipped} skipped), starting at question {i}.",
        "Reprise : réponses restaurées ({n}, {skipped} passées), à partir de la question {i}.",
    ),
    "quiz.resumed_done": (
        "Resuming a finished quiz ({n} answers, {skipped} skipped): its result again.",
        "Reprise d'un questionnaire terminé ({n} réponses, {skipped} passées) : son résultat, "
        "de nouveau.",
    ),
    "quiz.resumed_done_one": (
        "Resuming a finished quiz (1 answer, {skipped} skipped): its result again.",
        "Reprise d'un questionnaire terminé (1 réponse, {skipped} passées) : son résultat, "
        "de nouveau.",
    ),
    "quiz.resume_dropped_kept": (
        "All your answers as they were saved are kept in {kept}.",
        "Toutes vos réponses, telles qu'elles avaient été enregistrées, sont gardées dans "
        "{kept}.",
    ),
    "quiz.resumed_with": (
        "Resuming with the content this quiz was taken with: {paths}.",
        "Reprise avec le contenu de ce questionnaire : {paths}.",
    ),
    "quiz.resume_dropped": (
        "The questionnaire changed since you saved; these answers no longer fit and were "
        "dropped: {ids}",
        "Le questionnaire a changé depuis l'enregistrement ; ces réponses ne conviennent plus "
        "et ont été écartées : {ids}",
    ),
    "quiz.no_resume": (
        "Nothing to resume: starting a new quiz.",
        "Rien à reprendre : un nouveau questionnaire commence.",
    ),
    "quiz.resume_corrupt": (
        "The resume file {path} is damaged ({reason}); it was kept as {kept}. Starting a new "
        "quiz.",
        "Le fichier de reprise {path} est abîmé ({reason}) ; il a été conservé sous {kept}. "
        "Nouveau questionnaire.",
    ),
    "quiz.no_tty": (
        "the quiz needs an interactive terminal; to run without one, pass your answers with "
        "--answers FILE (see `rolematch questions --json`)",
        "le questionnaire a besoin d'un terminal interactif ; sans terminal, passez vos "
        "réponses avec --answers FICHIER (voir `rolematch questions --json`)",
    ),
    "quiz.saved_answers": ("Answers saved to {path}", "Réponses enregistrées dans {path}"),
    "quiz.all_answered": (
        "Every question already has an answer; showing your result.",
        "Toutes les questions ont déjà une réponse ; voici votre résultat.",
    ),
}


_FR_BEFORE = re.compile(r" ([?!:;»%])")


def french_spacing(text: str) -> str:
    """Non-breaking spaces before ? ! : ; % and inside « », so lines never start with them."""
    text = _FR_BEFORE.sub("\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


def colon(lang: str) -> str:
    """The colon after a label: "Tools:" in English, "Outils :" (non-breaking) in French."""
    return "\u00a0:" if lang == "fr" else ":"


def semicolon(lang: str) -> str:
    """The separator between items of a list: "a; b" in English, "a ; b" (non-breaking) in
    French."""
    return "\u00a0; " if lang == "fr" else "; "


def percent(value: float, lang: str, digits: int = 0) -> str:
    """``value`` (already times 100) as a percentage: "74%" in English, "74 %" (non-breaking,
    a decimal comma) in French, as the sentences write it."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") + "\u00a0%" if lang == "fr" else text + "%"


def whole(n: int, lang: str) -> str:
    """A count with its thousands marked: "12,345" in English, "12 345" (a narrow non-breaking
    space) in French."""
    text = f"{n:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def squash(text: str) -> str:
    """Collapse runs of ordinary whitespace, keeping non-breaking spaces."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Text for people in lines of at most ``width`` columns (indents included), broken
    between words only: never inside a word or at a hyphen, so a path, a tool or a number
    stays whole (a word longer than the line has a line of its own); runs of whitespace are
    one space, no-break spaces are kept (French "85 %" never breaks). ``first`` and ``rest``
    start the first line and the others. The one wrapping rule of the screens, reports and
    prompts."""
    import textwrap

    return textwrap.wrap(squash(text), width=width, initial_indent=first,
                         subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False)


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """French when LC_ALL (or, if unset, LC_MESSAGES then LANG) starts with 'fr', else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


MINUS = "\u2212"
"""The minus sign of a signed amount ("−5.7 pts"), as the bullet of a reason against is."""


class _Signed(float):
    """A number whose signed display ({x:+.1f}) writes a minus sign, not a hyphen: −5.7."""

    def __format__(self, spec: str) -> str:
        text = format(float(self), spec)
        return text.replace("-", MINUS, 1) if "+" in spec else text


class _FrenchNumber(_Signed):
    """A number that formats with a decimal comma, as French writes it (82,4 %), and a
    percentage with a space before the sign."""

    def __format__(self, spec: str) -> str:
        text = super().__format__(spec).replace(".", ",")
        return text[:-1] + "\u00a0%" if spec.endswith("%") else text  # 85 %, not 85%


_FEW_POINTS = re.compile(r"((?<![\d,])[+\u2212]?[01],\d+) pts\b")
"""French counts below 2 in the singular: "−1,5 pt", "+0,3 pt", but "+2,0 pts"."""


def _numbers(values: dict[str, object], lang: str) -> dict[str, object]:
    kind = _FrenchNumber if lang == "fr" else _Signed
    return {k: kind(v) if isinstance(v, float) else v for k, v in values.items()}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``values`` (in French, decimals with a
    comma); ``key_one`` instead when ``n`` is 1 and there is one."""
    if values.get("n") == 1 and f"{key}_one" in _STRINGS:  # "1 term", not "1 terms"
        key = f"{key}_one"
    en, fr = _STRINGS[key]
    if lang != "fr":
        return en.format(**_numbers(values, lang)) if values else en
    if not values:
        return french_spacing(fr)
    return french_spacing(_FEW_POINTS.sub(r"\1 pt", fr.format(**_numbers(values, lang))))


def counted(key: str, n: int, lang: str, **values: object) -> str:
    """The UI string ``key`` for ``n`` things, ``n`` written as ``lang`` writes numbers
    (``{count}``): ``key_one`` for 1, and in French for 0 too ("0 résultat écrit")."""
    one = n == 1 or (lang == "fr" and n == 0)
    return t(f"{key}_one" if one else key, lang, count=whole(n, lang), **values)


def string_keys() -> list[str]:
    return list(_STRINGS)
