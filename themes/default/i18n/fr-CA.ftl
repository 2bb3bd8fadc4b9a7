# L’interface de careerbook en français canadien : tout ce que lit une
# personne en dehors du guide. Un projet change un message en l’écrivant dans
# themes/<thème>/i18n/fr-CA.ftl (voir « Languages » dans le README).
#
# Les messages qui contiennent du balisage (<code>, <strong>, <a href="{ $href }">,
# <time>) sont affichés en HTML : gardez les balises, et écrivez & < > sous la
# forme &amp; &lt; &gt;. Les autres sont affichés comme du texte. Écrivez des
# espaces ordinaires avant « : » et dans les guillemets : careerbook les rend
# insécables.

language-name = Français

## Textes calculés par careerbook : listes, bilan mentorat-parrainage et
## prochaines actions du tableau de bord, fiches de préparation abrégées,
## calendrier, pages que careerbook écrit.

# « A, B et C » : $init vaut « A, B ».
list-and = { $init } et { $last }

# Le bilan. $number est le nombre en toutes lettres, avec majuscule (« Deux »).
gap-no-active-mentor = Vous n’avez encore aucune relation de mentorat active
gap-one-active-mentor = Une seule relation de mentorat active : une deuxième ou une troisième vous offrirait plus d’un point de vue
gap-active-mentors = { $number } relations de mentorat actives — pile dans la fourchette recommandée
gap-too-many-mentors = { $number } relations de mentorat actives — plus que les deux ou trois que suggère le guide; assurez-vous de pouvoir donner du temps à chacune
gap-no-active-sponsor = Vous n’avez encore aucune marraine ni aucun parrain actif
gap-one-active-sponsor = Une seule relation de parrainage active : tout repose sur une seule personne; visez-en au moins deux
gap-active-sponsors = { $number } relations de parrainage actives — votre avancement ne repose pas sur une seule personne
gap-no-mentor-prospects = Aucune personne pressentie pour vous mentorer : gardez quelques noms en réserve pour le jour où une relation aura fait son temps
gap-no-sponsor-prospects = Aucune personne pressentie pour vous parrainer : notez les cadres qui pourraient ensuite parler en votre faveur
gap-dormant =
    { $count ->
        [one] Une relation est en veille : une courte mise à jour suffit souvent à la raviver
       *[other] { $number } relations sont en veille : une courte mise à jour suffit souvent à en raviver une
    }
gap-only-taken = Jusqu’ici, vos relations avec { $names } vont dans un seul sens, vers vous : trouvez une façon de rendre la pareille, par exemple une mise en contact, un article ou un remerciement accompagné de résultats
# Le chapitre vers lequel renvoie un constat.
gap-see-finding-mentors = Trouver une mentore ou un mentor
gap-see-finding-sponsors = Trouver une marraine ou un parrain
gap-see-keeping-relationships = Garder vos relations vivantes
verdict-see = { $lead } — voir { $chapter }
verdict-good = En bonne voie
verdict-attention = À surveiller
verdict-missing = Manquant
gap-row-mentors = Mentorat
gap-row-mentors-recommended = 2 ou 3 relations actives
gap-row-sponsors = Parrainage
gap-row-sponsors-recommended = 2 relations actives ou plus

dashboard-hello = Bonjour, { $name }
dashboard-yours = Votre tableau de bord

# L'échéance d'une prochaine action.
when-overdue =
    { $days ->
        [one] en retard de { $days } jour
       *[other] en retard de { $days } jours
    }
when-today = aujourd’hui
when-by = d’ici le { $date }
when-last-done = fait pour la dernière fois le { $date }
action-check-in = Suivi : { $name }
action-next-step = Prochaine étape avec { $name } : { $step }

# Une fiche de préparation en quelques lignes (l'événement d'un suivi dans
# le calendrier). $when est une date, suivie du type d'échange s'il est noté.
prep-short-last = Dernier échange ({ $when })
prep-short-last-summary = Dernier échange ({ $when }) : { $summary }
prep-short-step = Votre prochaine étape : { $step }
prep-short-step-overdue =
    { $days ->
        [one] Votre prochaine étape : { $step } (en retard de { $days } jour)
       *[other] Votre prochaine étape : { $step } (en retard de { $days } jours)
    }
prep-short-step-by = Votre prochaine étape : { $step } (d’ici le { $date })
prep-short-news = Nouvelle à annoncer : { $win }
prep-short-ask = À demander : { $question }

# Le calendrier des suivis (followups.ics).
calendar-last-contact =
    Dernier contact : { $date }. Vous aviez prévu de reprendre contact { $days ->
        [one] chaque jour.
       *[other] tous les { $days } jours.
    }
calendar-was-due = Le suivi était prévu le { $date }.
calendar-step-was-due = Cette étape était prévue le { $date }.
calendar-next-step = Prochaine étape : { $step }
# Le nom du calendrier, tel que l’affiche une application d’agenda.
calendar-name = Suivis

# Les pages que careerbook écrit à côté du guide.
page-relationships = Vos relations
page-progress = Votre progression
page-brief = Votre fiche de présentation

# Le plan de 12 mois et son échéancier (une image SVG et son texte de remplacement).
plan-month = Mois { $month }
plan-months = Mois { $first } à { $last }
plan-ongoing = En continu
timeline-title = Échéancier du plan, du { $start } au { $end }
timeline-row-phases = Phases
timeline-row-contacts = Échanges
timeline-row-checkins = Suivis
timeline-done =
    { $done }/{ $total } { $done ->
        [one] faite
       *[other] faites
    }
timeline-phase-dates = { $phase } : du { $start } au { $end }, { $progress }
timeline-all-year = { $phase } (toute l’année), { $progress }
timeline-today = Aujourd’hui, { $day } { $month }
timeline-legend-contact = Échange
timeline-legend-gave = Vous avez aidé
timeline-legend-checkin = Suivi
timeline-legend-overdue = Suivi en retard
timeline-legend-today = Aujourd’hui
timeline-event = { $date } — { $what }
timeline-event-what = { $name } : { $label }
timeline-label-contact = échange
timeline-label-checkin = suivi
timeline-event-gave = vous avez aidé
timeline-event-overdue = en retard
timeline-desc-phases =
    { $count ->
        [one] { $count } phase.
       *[other] { $count } phases.
    }
timeline-desc-current =
    Aujourd’hui, le { $date }, tombe dans la phase « { $phase } » ({ $done } { $done ->
        [one] tâche faite
       *[other] tâches faites
    } sur { $total }).
timeline-desc-marks =
    { $contacts } { $contacts ->
        [one] échange noté
       *[other] échanges notés
    } (dont { $gave } où vous avez aidé). { $upcoming } { $upcoming ->
        [one] suivi à venir
       *[other] suivis à venir
    }; { $overdue } en retard.
timeline-desc-marks-ended =
    Les 12 mois du plan sont écoulés; pendant cette période, { $contacts } { $contacts ->
        [one] échange noté
       *[other] échanges notés
    } (dont { $gave } où vous avez aidé).

# Notes dans un brouillon quand {win} n'a rien à dire ; $name est le prénom de la personne.
draft-note-all-heard = rien de neuf pour { $name } : cette personne connaît toutes les réalisations de votre dossier
draft-note-no-wins = votre plus récent résultat : votre dossier de réalisations est encore vide
draft-note-win-first = ajoutez d’abord votre prochain résultat à votre dossier de réalisations

# Le rapport d'une cohorte.
page-cohort-report = Rapport de la cohorte
cohort-chart-title = Membres par phase du plan aujourd’hui
cohort-chart-no-plan = Plan pas encore commencé

# Les régions du Canada, telles qu'un profil les nomme.
region-atlantic = Canada atlantique
region-quebec = Québec
region-ontario = Ontario
region-prairies = Prairies
region-british-columbia = Colombie-Britannique
region-north = Nord
region-outside-canada = hors du Canada

## Communs à plusieurs gabarits

# Entre une étiquette qui n’est pas un message (un nom, une date) et ce qui
# suit : « Nadia : les connaît toutes ».
punct-colon = {" "}:
# Les mots des fichiers de données (en anglais) et leur traduction.
people-role =
    { $role ->
        [mentor] mentor ou mentore
        [sponsor] marraine ou parrain
       *[other] { $role }
    }
people-stage =
    { $stage ->
        [prospect] personne pressentie
        [contacted] contact établi
        [active] relation active
        [dormant] en veille
       *[other] { $stage }
    }
people-channel =
    { $channel ->
        [email] courriel
        [linkedin] LinkedIn
        [conference] événement
        [in-person] en personne
       *[other] { $channel }
    }
toc-title = Table des matières

## base.html : la barre du haut, la barre latérale et le pied de chaque page

nav-skip-link = Aller au contenu
# Le bouton qui ouvre la table des matières sur un téléphone.
nav-menu = Sommaire
nav-print = Imprimer
nav-toc-label = Table des matières
site-private-title = Copie privée.
site-private-text = Cette version contient vos notes personnelles et les personnes marquées comme privées. Ne la publiez pas.
site-contact = Nous joindre
site-contact-organisation = Joindre { $organisation }
site-audience-personal = Votre exemplaire personnel : il nomme les personnes avec qui vous travaillez. À ne pas publier.
site-audience-cohort =
    { $names ->
        [true] L’exemplaire du programme : il nomme ses membres. À ne pas publier.
       *[other] L’exemplaire du programme : des chiffres sur ses membres, pour les personnes qui l’animent. À ne pas publier.
    }

## Recherche : la boîte de base.html, et ce que search.js y affiche

search-button = Rechercher
search-button-title = Rechercher (/ ou s)
search-label = Rechercher dans le cahier
search-results-label = Résultats de la recherche
search-too-short = Tapez au moins deux lettres.
search-failed = La recherche n’a pas pu charger son index. Reconstruisez le cahier, puis rechargez cette page.
# search.js met les mots cherchés à la place de { $query }.
search-none = Aucune page ne correspond à « { $query } ».
# base.html écrit ce message deux fois : pour 1 et pour tout autre nombre
# (que search.js remplit) ; gardez { $count } là où va le nombre.
search-count =
    { $count ->
        [one] { $count } page correspond.
       *[other] { $count } pages correspondent.
    }
search-count-more = { $count } pages correspondent (les { $shown } premières sont affichées).
search-show-more = Afficher { $count } de plus

## The dev server's notice over a page when a rebuild fails (careerbook serve)

serve-failed =
    { $count ->
        [one] careerbook : la génération du site a échoué ({ $count } erreur)
       *[other] careerbook : la génération du site a échoué ({ $count } erreurs)
    }
serve-last-good = Vous voyez la dernière version valide de la page. Corrigez les problèmes ci-dessous et enregistrez : la page se rechargera d’elle-même.
serve-dismiss = Fermer

## partials/pager.html

nav-pager-label = Chapitre précédent et chapitre suivant
nav-previous = Précédent
nav-next = Suivant

## 404.html

error-title = Page introuvable
error-text = Cette page ne fait pas partie du cahier. Elle a peut-être été déplacée lors d’une réorganisation.
error-home = Aller au début de { $title }

## page.html : un chapitre, et ce qu’un modèle de message dit de lui-même

page-on-this-page = Sur cette page
page-untranslated = Cette page n’est pas encore traduite : la voici telle qu’elle a été écrite.
page-message-label = À propos de ce modèle
# $role et $channel : les mots des fichiers de données (mentor, email…) ;
# $stages : les étapes, déjà traduites et reliées par page-message-or.
page-message-meta =
    Modèle destiné à { $role ->
        [mentor] un mentor ou une mentore
        [sponsor] une marraine ou un parrain
       *[other] { $role }
    }, à envoyer { $channel ->
        [email] par courriel
        [linkedin] sur LinkedIn
        [conference] lors d’une conférence
        [in-person] en personne
       *[other] par { $channel }
    }. Étape de la relation : { $stages }.
page-message-or = ou
page-message-blanks-filled = Les champs comme <mark class="placeholder">{ $example }</mark> sont remplis à partir de vos données sur la <a href="{ $href }">page des relations</a>, pour chaque personne à qui le modèle convient.
page-message-blanks-yours = Les champs comme <mark class="placeholder">{ $example }</mark> sont à remplir vous-même.

## partials/dashboard.html : le tableau de bord de l’accueil (et de la page à imprimer)

dashboard-title = Votre tableau de bord
dashboard-as-of = En date du <time datetime="{ $date }">{ $long }</time>
dashboard-gap-title = Mentorat et parrainage
dashboard-gap-caption = Relations par rôle et par étape
dashboard-aim = objectif : { $recommended }
# « — voir <a>le chapitre</a> » après un constat.
dashboard-see = voir
dashboard-actions-title = Prochaines actions
dashboard-actions-none = Rien à faire pour l’instant. C’est une bonne semaine pour approcher une nouvelle personne.
dashboard-giving-title = Donner en retour
dashboard-giving-only-taken =
    { $count ->
        [one] Jusqu’ici, cette personne vous a apporté de l’aide sans rien recevoir en retour. Offrez-lui quelque chose d’utile : un article, une mise en relation, un résultat auquel elle a contribué.
       *[other] Jusqu’ici, ces personnes vous ont apporté de l’aide sans rien recevoir en retour. Offrez-leur quelque chose d’utile : un article, une mise en relation, un résultat auquel elles ont contribué.
    }
dashboard-giving-all = Chaque personne avec qui vous travaillez a reçu quelque chose de votre part. Continuez ainsi.
dashboard-giving-none = Rien à signaler pour l’instant. Quand vous consignez un échange avec une personne qui vous accompagne, indiquez ce que vous lui avez offert en retour avec <code>gave: true</code>; cette carte nommera alors les personnes qui n’ont encore rien reçu de votre part.
dashboard-wins-title = Vos réalisations
# Suivi du titre de la réalisation la plus récente.
dashboard-wins-newest =
    { $count ->
        [one] { $count } consignée; la plus récente :
       *[other] { $count } consignées; la plus récente :
    }
dashboard-wins-heard-all = les connaît toutes
# Après le nom d’une marraine ou d’un parrain : « Hélène : 3 réalisations à lui annoncer ».
dashboard-wins-unheard =
    { $count ->
        [one] { $count } réalisation à lui annoncer
       *[other] { $count } réalisations à lui annoncer
    }
dashboard-wins-tell = Dites à vos marraines et parrains ce que vous avez accompli : leurs brouillons de mise à jour partent de votre plus récente réalisation.
dashboard-wins-none = Aucune réalisation consignée pour l’instant. Inscrivez vos résultats dans <code>{ $file }</code> : ils alimentent vos mises à jour et votre fiche de présentation.
dashboard-brief-link = <a href="{ $href }">Votre fiche de présentation</a> : une page sur laquelle une marraine ou un parrain peut s’appuyer pour parler de vous.
dashboard-progress-title = Progression
dashboard-progress-done =
    <strong>{ $done }</strong> { $done ->
        [one] élément coché
       *[other] éléments cochés
    } sur { $count } dans les listes de contrôle.
dashboard-progress-link = Progression par chapitre et par phase

## partials/timeline.html

timeline-caption = Votre plan sur 12 mois, du { $start } au { $end }.
timeline-table-link = La ligne du temps sous forme de tableau
timeline-ended = Vos 12 mois ont pris fin le { $end }. Faites le bilan de cette année, puis préparez la suivante : dans <code>{ $file }</code>, donnez à <code>plan_start:</code> la date où elle commence.
timeline-empty = Ajoutez <code>plan_start</code> à <code>{ $file }</code> pour voir la ligne du temps de votre plan sur 12 mois.

## relationships.html : le suivi des relations et la fiche de chaque personne

people-lede = Toutes les personnes avec qui vous bâtissez une relation, où en est chacune, et quoi lui envoyer ensuite.
people-tracker = Suivi des relations
people-tracker-private = (copie privée)
people-col-name = Nom
people-col-role = Rôle
people-col-stage = Étape
people-col-last-contact = Dernier contact
people-col-next-check-in = Prochain suivi
people-col-next-step = Prochaine étape
# Une étiquette à côté du nom d’une personne privée.
people-private = privé
people-overdue-days =
    { $count ->
        [one] { $count } jour de retard
       *[other] { $count } jours de retard
    }
# $date est la date AAAA-MM-JJ (pour la balise <time>), $long la même date en toutes lettres.
people-due-by = d’ici le <time datetime="{ $date }">{ $long }</time>
people-fact-areas = Peut vous aider sur
people-fact-channel = Moyen de contact privilégié
people-fact-email = Courriel
people-fact-links = Liens
people-fact-cadence = Garder le contact
people-cadence =
    { $count ->
        [one] chaque jour
       *[other] tous les { $count } jours
    }
people-next-check-in = prochain suivi le <time datetime="{ $date }">{ $long }</time>
people-private-notes = Notes privées :
people-history = Historique
people-gave-back = vous avez aidé
people-drafts-for = Brouillons pour { $name }
people-draft-missing-count = { $count } à remplir
people-draft-subject = Objet :
people-draft-blank-title = Pas encore dans vos données : { $name }
people-draft-copy = Copier le texte
people-draft-mailto = Ouvrir dans votre application de courriel
people-draft-missing = Encore à remplir : { $fields }.
# $count est le nombre de champs à remplir dans le brouillon (ceux qui précèdent).
people-draft-missing-how =
    { $count ->
        [one] Ajoutez-le
       *[other] Ajoutez-les
    } sous <code>outreach:</code> pour { $name } dans <code>{ $file }</code>, ou modifiez le texte avant l’envoi.
people-draft-missing-impact = <code>{"{"}win_impact{"}"}</code> reste vide parce que la réalisation « { $win } » n’a pas d’<code>impact:</code> dans <code>{ $file }</code> : ajoutez-en un, ou remplissez-le avant l’envoi.

## partials/prep-card.html : une fiche de préparation (pages des relations et à imprimer)

prep-title = Avant votre prochaine conversation
# Après prep-title : « Avant votre prochaine conversation avec Nadia Haddad ».
prep-title-with = avec { $name }
prep-last-time = Dernier échange
prep-last-none = Rien de consigné pour l’instant. Ajoutez une entrée <code>log:</code> après votre conversation.
prep-next-step = Votre prochaine étape
prep-next-step-none = Aucune de prévue : choisissez-en une avant de vous quitter.
prep-bring = Ce que vous pourriez apporter
prep-bring-news = Des nouvelles que cette personne ne connaît pas encore :
prep-bring-areas = Quelque chose d’utile sur ce qui compte pour cette personne : { $areas }.
prep-bring-default = Un article, une mise en relation ou un résultat auquel cette personne a contribué.
prep-questions = Questions à poser
prep-questions-from = tirées de la <a href="{ $href }">banque de questions</a>

## brief.html et partials/brief-sheet.html : la fiche de présentation

brief-lede = Ce dont une marraine ou un parrain a besoin pour parler de vous là où vous n’êtes pas, sur une seule page. Imprimez-la ou envoyez-la avant une conversation sur votre prochaine étape.
brief-actions =
    { $member ->
        [true] Pour un PDF d’une page à joindre à un courriel, demandez à la personne qui prépare les cahiers de votre cohorte de lancer <code>{ $command }</code>.
       *[other] Pour un PDF d’une page à joindre à un courriel, lancez <code>{ $command }</code>.
    } Seules les réalisations publiques figurent ici; qui a entendu parler de chacune reste dans votre cahier.
brief-eyebrow = Fiche de présentation
brief-your-name = Votre nom
brief-ambition-title = Où je veux aller
brief-then = Ensuite : { $ambition }
brief-ambition-empty = Ajoutez <code>ambitions:</code> à <code>{ $file }</code> : la phrase qu’une marraine ou un parrain répétera à votre sujet.
brief-wins-title = Réalisations récentes
brief-wins-empty = Aucune réalisation pour l’instant : inscrivez vos résultats dans <code>{ $file }</code> et les cinq plus récents apparaîtront ici.
brief-open-title = Occasions recherchées
brief-open-empty = Ajoutez <code>open_to:</code> à <code>{ $file }</code> : les postes et les mandats de développement que vous souhaitez.
brief-vouch-title = Qui d’autre connaît mon travail

## progress.html, et ce que book.js y écrit

progress-lede = Où vous en êtes dans les listes de contrôle du cahier et dans le plan sur 12 mois.
progress-save-title = Enregistrer votre progression
progress-save-text = Les cases que vous cochez dans le navigateur sont mémorisées sur cet appareil. Pour les garder pour de bon (et les retrouver dans le cahier imprimé), copiez-les dans <code>{ $file }</code>.
progress-export = Afficher ma progression en YAML
progress-copy = Copier
# Le commentaire que book.js écrit en tête du YAML exporté (après « # »).
progress-yaml-comment = Éléments cochés, avec leur date. À coller dans { $file }.
progress-noscript = Cocher les cases exige JavaScript; sans lui, inscrivez les identifiants des éléments terminés dans <code>{ $file }</code> et reconstruisez le cahier.
progress-plan-title = Le plan sur 12 mois
progress-phases-caption = Phases du plan
progress-phases-caption-from = Phases du plan, à partir du { $start }
progress-col-phase = Phase
progress-col-dates = Dates
progress-col-done = Cochés
progress-col-progress = Progression
# Une étiquette à côté de la phase en cours.
progress-now = en cours
progress-phase-onwards = À partir du <time datetime="{ $date }">{ $long }</time>
# Dans une barre de progression, pour les navigateurs qui ne la dessinent pas (book.js aussi).
progress-of = { $done } sur { $total }
progress-events-caption = Échanges et suivis sur la ligne du temps
progress-col-date = Date
progress-col-what = Quoi
progress-chapters-title = Par chapitre
progress-chapters-caption = Éléments des listes de contrôle par chapitre
progress-col-chapter = Chapitre

## print.html : tout le cahier sur une page

print-title-suffix = (version imprimable)
print-hint = Cette page contient tout le cahier, prêt à imprimer. Utilisez la commande Imprimer de votre navigateur; <a href="{ $href }">retour au cahier</a>.
# Suivi du nom de la personne.
print-prepared-for = Préparé pour
# Suivi d’une ligne où écrire son nom.
print-page-name = Nom :
print-relationships-title = Vos relations
print-brief-title = Votre fiche de présentation
print-page-prep-title = Fiches de préparation
print-only-brief = <a href="{ $href }">Imprimer seulement la fiche de présentation</a> : suivez ce lien, puis utilisez la commande Imprimer de votre navigateur.
print-only-prep = <a href="{ $href }">Imprimer seulement les fiches de préparation</a> : suivez ce lien, puis utilisez la commande Imprimer de votre navigateur.

## cohort.html : le rapport de cohorte (des chiffres sur les membres d’un programme)

# $date est la date AAAA-MM-JJ (pour la balise <time>), $long la même date en toutes lettres.
cohort-lede =
    { $count ->
        [one] Où en est { $count } membre du programme, en date du <time datetime="{ $date }">{ $long }</time>.
       *[other] Où en sont les { $count } membres du programme, en date du <time datetime="{ $date }">{ $long }</time>.
    }
# $names vaut « true » quand le rapport montre le nom des membres.
cohort-lede-counts =
    { $names ->
        [true] Des chiffres seulement : aucune note ni aucun contact privé des membres n’est utilisé.
       *[other] Des chiffres seulement : aucune note ni aucun contact privé des membres n’est utilisé, et aucun nom n’est affiché.
    }
cohort-relationships-title = Relations
cohort-relationships-caption = Membres selon leurs relations actives
cohort-with-mentor = Une relation de mentorat active
cohort-with-sponsor = Une relation de parrainage active
cohort-with-both = Les deux
cohort-with-neither = Ni l’une ni l’autre
cohort-check-ins-title = Suivis
cohort-check-ins-overdue =
    <strong>{ $count }</strong> { $count ->
        [one] suivi en retard
       *[other] suivis en retard
    }, chez { $members } { $members ->
        [one] membre
       *[other] membres
    }.
cohort-wins-title = Réalisations
cohort-wins-text =
    <strong>{ $keeping }</strong> { $keeping ->
        [one] membre sur { $count } tient
       *[other] membres sur { $count } tiennent
    } un fichier de réalisations, pour un total de { $wins } { $wins ->
        [one] réalisation consignée
       *[other] réalisations consignées
    }.
cohort-phases-title = Où en sont les membres dans le plan sur 12 mois
cohort-phases-caption = Membres par phase du plan aujourd’hui
cohort-no-plan = Plan pas encore commencé
cohort-members-title = Membres
cohort-members-caption = Le cahier de chaque membre
cohort-col-member = Membre
cohort-col-mentor = Mentorat actif
cohort-col-sponsor = Parrainage actif
cohort-col-overdue = En retard
cohort-col-done = Éléments cochés
cohort-yes = oui
cohort-no = non

## Le cahier imprimé (themes/<thème>/print/*.typ) : tous les mots du PDF qui
## ne viennent ni du guide ni de la personne. careerbook les formate sans
## arguments : une phrase qui contient un nombre est coupée autour du nombre
## (« print-page », le numéro de la page, « print-page-of », le total), et les
## gabarits mettent une espace entre les morceaux (aucune devant « , » ou « . »).

print-contents = Table des matières
# « Page 3 sur 45 » au bas de chaque page; « (p. 12) » après un lien.
print-page = Page
print-page-of = sur
print-page-abbr = p.
# Au-dessus du titre d'une partie, en capitales.
print-part = Partie
# Sur la couverture et dans l'en-tête d'une copie --private, en capitales.
print-private-copy = Copie privée
# Le deux-points entre une étiquette et ce qui suit (« Fiche de présentation : Nadia »).
print-colon = { " " }:
print-and = et
print-or = ou
print-yes = oui
print-no = non
# Une échéance : « (d’ici le 3 déc. 2026) ».
print-by = d’ici le
print-of = sur
print-on-date = en date du
print-as-of = En date du

# Les dates : « 5 nov. 2026 » dans les tableaux, « 5 novembre 2026 » dans les
# phrases, « novembre 2026 » sur la fiche de présentation. Le premier du mois
# s'écrit « 1er ».
print-day-first = 1er
print-month-abbr-1 = janv.
print-month-abbr-2 = févr.
print-month-abbr-3 = mars
print-month-abbr-4 = avr.
print-month-abbr-5 = mai
print-month-abbr-6 = juin
print-month-abbr-7 = juill.
print-month-abbr-8 = août
print-month-abbr-9 = sept.
print-month-abbr-10 = oct.
print-month-abbr-11 = nov.
print-month-abbr-12 = déc.
print-month-1 = janvier
print-month-2 = février
print-month-3 = mars
print-month-4 = avril
print-month-5 = mai
print-month-6 = juin
print-month-7 = juillet
print-month-8 = août
print-month-9 = septembre
print-month-10 = octobre
print-month-11 = novembre
print-month-12 = décembre

# La couverture.
print-cover-kicker = Un cahier de carrière
print-you = Vous
print-cover-personal = Votre exemplaire personnel : il nomme les personnes avec qui vous travaillez. À ne pas publier.
print-name = Nom
print-role-and-organization = Poste et organisation

# Dans les chapitres : éléments des listes de contrôle, renvois vers l'endroit
# où un élément est défini, images qui n'ont pas pu être imprimées.
print-task-done = fait le
print-due-again = à refaire; fait pour la dernière fois le
print-also-in = aussi dans
print-picture-not-printed = Image non imprimée

# Les canaux, comme étiquette (« Canal : courriel »; après le titre d'un
# brouillon, « Suivi après une conférence (événement) ») et comme façon
# d'envoyer un message (« par courriel », « après un événement »).
print-channel-linkedin = LinkedIn
print-channel-email = courriel
print-channel-conference = événement
print-channel-in-person = en personne
print-channel-video = appel vidéo
print-channel-phone = téléphone
print-channel-slack = Slack
print-channel-teams = Teams
print-by-channel = par
print-by-channel-linkedin = sur LinkedIn
print-by-channel-email = par courriel
print-by-channel-conference = après un événement
print-by-channel-in-person = en personne
print-by-channel-video = par appel vidéo
print-by-channel-phone = par téléphone
print-by-channel-slack = par Slack
print-by-channel-teams = par Teams

# Les rôles et les étapes comme étiquettes, et les étapes dans une phrase.
print-role-mentor = Mentor ou mentore
print-role-sponsor = Marraine ou parrain
print-stage-prospect = Personne pressentie
print-stage-contacted = Contact établi
print-stage-active = Relation active
print-stage-dormant = En veille
print-stage-in-sentence-prospect = « personne pressentie »
print-stage-in-sentence-contacted = « contact établi »
print-stage-in-sentence-active = « relation active »
print-stage-in-sentence-dormant = « en veille »

# La note sous le titre d'un modèle de message : « Modèle de message pour une
# relation de mentorat, à envoyer par courriel, aux personnes à l'étape
# « personne pressentie » ou « contact établi ». »
print-meta-mentor = Modèle de message pour une relation de mentorat, à envoyer
print-meta-sponsor = Modèle de message pour une relation de parrainage, à envoyer
print-meta-for-stage = , aux personnes à l’étape
print-meta-stage-end = .
print-meta-blank = Remplissez chaque champ à la main avant d’envoyer le message.
# … « se trouvent dans la partie » et, en italique, laquelle.
print-meta-drafts = Les brouillons destinés à chaque personne à qui ce modèle convient, remplis à partir de vos notes, se trouvent dans la partie
print-meta-drafts-where = Votre cahier
print-subject = Objet :

# Les {champs} des modèles de messages, tels que les nomment les lignes à remplir.
print-placeholder-name = nom
print-placeholder-first_name = prénom
print-placeholder-their_title = son titre
print-placeholder-their_organisation = son organisation
print-placeholder-their_work = son travail
print-placeholder-my_name = mon nom
print-placeholder-my_first_name = mon prénom
print-placeholder-my_role = mon poste
print-placeholder-my_organisation = mon organisation
print-placeholder-goal = objectif
print-placeholder-ambition = ambition
print-placeholder-where_we_met = lieu de la rencontre
print-placeholder-win = réalisation
print-placeholder-win_impact = retombées de la réalisation
print-placeholder-topic = sujet
print-placeholder-challenge = défi
print-placeholder-mutual_connection = relation commune
print-placeholder-event = événement
print-placeholder-project = projet
print-placeholder-result = résultat
print-placeholder-ask = demande
print-placeholder-new_role = nouveau poste

# La partie personnelle.
print-yours = Votre cahier
print-yours-personal = Vos pages à vous : où vous en êtes, les personnes que vous suivez et les brouillons qui vous attendent.
print-yours-public = Vos pages à vous : votre progression dans les listes de contrôle et le plan sur 12 mois.
print-yours-blank = Des formulaires à remplir à la main : les personnes que vous suivez, l’historique de vos échanges et vos prochaines étapes.
# « Ces pages sont imprimées … en date du 24 novembre 2026. Elles présentent
# 7 personnes et les brouillons qui conviennent à chacune. »
print-printed-from = Ces pages sont imprimées à partir des données de votre cahier
print-they-show = Elles présentent
print-people-one = personne
print-people-other = personnes
print-they-show-end = et les brouillons qui conviennent à chacune.
# « Utilisez ces pages … Commencez par » *À propos de vous* « , inscrivez … »
print-blank-intro = Utilisez ces pages en parallèle avec les chapitres. Commencez par
print-blank-intro-end = , inscrivez chaque personne dans le suivi des relations, photocopiez une fiche pour chacune et revenez-y une fois par mois.

# Vue d'ensemble : « Où en est votre réseau en date du 24 novembre 2026. »
print-glance = Votre tableau de bord
print-glance-network = Où en est votre réseau
print-glance-you = Où vous en êtes
# « 12 sur 91 cases cochées dans les listes de contrôle » : les nombres, puis
# print-checklist-items-done-one ou -other selon le total (« 0 sur 1 case cochée »).
print-checklist-items-done-one = case cochée dans les listes de contrôle
print-checklist-items-done-other = cases cochées dans les listes de contrôle
print-mentors-and-sponsors = Mentorat et parrainage
print-recommended = Recommandation
print-next-actions = Prochaines actions
print-plan = Votre plan sur 12 mois
print-phase = Phase
print-dates = Dates
print-phase-done = Progression
# Une phase sans date de fin, dans le tableau du plan : print-phase-from, la
# date, puis print-phase-onwards (« À partir du 15 mars 2026 », comme sur la
# page de progression).
print-phase-from = À partir du
print-phase-onwards = {""}
print-now = en cours
print-timeline = Échéancier

# Le suivi des relations et les pages de chaque personne. « en retard de
# 30 jours » : print-overdue-before, le nombre, puis print-overdue-one ou -other.
print-tracker = Suivi des relations
print-tracker-description = Toutes les personnes avec qui vous bâtissez une relation, et la suite des choses.
print-tracker-empty = Personne pour l’instant. Ajoutez les personnes que vous suivez à votre fichier relationships.yaml, ou utilisez le tableau vierge ci-dessous.
print-role = Rôle
print-stage = Étape
print-last-contact = Dernier contact
print-next-check-in = Prochain suivi
print-next-step = Prochaine étape
print-overdue-before = en retard de
print-overdue-one = jour
print-overdue-other = jours
print-someone = Quelqu’un
print-them = cette personne
print-person-private = Fiche privée : exclue des copies partagées
print-areas = Domaines
print-channel = Canal
print-rhythm = Fréquence
# « tous les 30 jours »; pour une fréquence d'un jour, print-every-day.
print-every = tous les
print-days = jours
print-every-day = chaque jour
print-email = Courriel
print-links = Liens
print-notes = Notes
print-history = Historique
print-date = Date
print-kind = Type
print-what-happened = Ce qui s’est passé
print-gave-back = Vous avez aidé
print-drafts = Brouillons
# « Les modèles de messages qui conviennent à » Colette « en ce moment, … »
print-drafts-intro = Les modèles de messages qui conviennent à
print-drafts-intro-end = en ce moment, remplis à partir de vos notes. Remplissez les champs vides et reformulez-les à votre façon.
print-draft = Brouillon
print-still-to-fill-in = Reste à remplir :

# La fiche de préparation, avant la prochaine conversation avec une personne.
print-prep-title = Avant votre prochaine conversation
print-prep-last = Dernier échange
print-prep-nothing-logged = Aucun échange noté pour l’instant.
print-prep-next-step = Votre prochaine étape
print-prep-no-step = Aucune de prévue : choisissez-en une avant de vous quitter.
print-prep-bring = Vous pourriez apporter
print-prep-news = Des nouvelles que cette personne ne connaît pas encore :
print-prep-something-on = Quelque chose en lien avec
print-prep-bring-anything = Un article, une mise en contact ou un résultat auquel cette personne a contribué.
print-prep-questions = Questions à poser

# Les formulaires du cahier vierge.
print-about-you = À propos de vous
print-about-you-description = Remplissez cette page en premier : tout le reste du cahier s’y rattache.
print-job = Poste
print-organization = Organisation
print-plan-started-on = Début du plan
print-your-goals = Vos objectifs pour les deux prochaines années
print-your-ambition = Votre ambition à plus long terme
print-blank-count = Faites le compte de vos relations de mentorat et de parrainage
print-blank-count-how = Inscrivez le nombre de personnes à chaque étape. Visez deux ou trois relations de mentorat actives et au moins deux relations de parrainage actives.
print-mentors = Mentorat
print-sponsors = Parrainage
print-blank-tracker-description = Une ligne par personne : quelqu’un qui pourrait vous mentorer ou vous parrainer, ou qui le fait déjà.
print-blank-tracker-role = Rôle :
print-blank-tracker-roles = mentor ou mentore, marraine ou parrain.
print-blank-tracker-stage = Étape :
print-blank-tracker-stages = personne pressentie (pas encore contactée), contact établi, relation active (vous vous rencontrez ou vous parlez régulièrement), en veille (la relation s’est essoufflée).
print-person-record = Fiche d’une relation
print-person-record-description = Photocopiez cette page pour chaque personne que vous suivez.
print-title = Titre
print-check-in-every = Suivi tous les
print-email-or-channel = Courriel ou canal
print-can-help-with = Ce en quoi cette personne peut vous aider
print-due-by = À faire d’ici le

# La fiche de présentation (dans le cahier, et seule avec --brief). Ses
# étiquettes sont imprimées en capitales. « Une page … parler de vous. »
# `careerbook pdf --brief` « l’imprime à part. »
print-brief-page = Votre fiche de présentation
print-brief-page-description = Une page sur laquelle une marraine ou un parrain peut s’appuyer pour parler de vous.
print-brief-page-description-end = l’imprime à part.
print-brief = Fiche de présentation
print-contact = Coordonnées
print-brief-headed = Où je veux aller
print-brief-then = Ensuite :
print-brief-no-ambition = Aucune ambition inscrite pour l’instant.
print-brief-results = Réalisations récentes
print-brief-no-wins = Aucune réalisation inscrite pour l’instant.
print-brief-open-to = Occasions recherchées
print-brief-not-written = Rien d’inscrit pour l’instant.
print-brief-vouchers = Qui d’autre connaît mon travail

# A checklist item's notes in a chapter: when it was done, a tick that fell
# due again, and where an item that a page refers to is defined.
task-done = fait le
task-due-again = à refaire; fait pour la dernière fois le
task-also-in = aussi dans
