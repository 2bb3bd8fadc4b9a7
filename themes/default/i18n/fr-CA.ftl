# L’interface de careerbook en français canadien : tout ce que lit une
# personne en dehors du guide. Un projet change un message en l’écrivant dans
# themes/<thème>/i18n/fr-CA.ftl (voir « Languages » dans le README).

language-name = Français

## Textes calculés par careerbook : listes, bilan mentorat-parrainage et
## prochaines actions du tableau de bord, fiches de préparation abrégées,
## calendrier, pages que careerbook écrit.

# « A, B et C » : $init vaut « A, B ».
list-and = { $init } et { $last }

# Le bilan. $number est le nombre en toutes lettres, avec majuscule (« Deux »).
gap-no-active-mentor = Vous n'avez encore aucune relation de mentorat active
gap-one-active-mentor = Une seule relation de mentorat active : une deuxième ou une troisième vous offrirait plus d'un point de vue
gap-active-mentors = { $number } relations de mentorat actives — pile dans la fourchette recommandée
gap-too-many-mentors = { $number } relations de mentorat actives — plus que les deux ou trois que suggère le guide; assurez-vous de pouvoir donner du temps à chacune
gap-no-active-sponsor = Vous n'avez encore aucune marraine ni aucun parrain actif
gap-one-active-sponsor = Une seule relation de parrainage active : tout repose sur une seule personne; visez-en au moins deux
gap-active-sponsors = { $number } relations de parrainage actives — votre avancement ne repose pas sur une seule personne
gap-no-mentor-prospects = Aucune personne pressentie pour vous mentorer : gardez quelques noms en réserve pour le jour où une relation aura fait son temps
gap-no-sponsor-prospects = Aucune personne pressentie pour vous parrainer : notez les cadres qui pourraient ensuite parler en votre faveur
gap-dormant =
    { $count ->
        [one] Une relation est en veille : une courte mise à jour suffit souvent à la raviver
       *[other] { $number } relations sont en veille : une courte mise à jour suffit souvent à en raviver une
    }
gap-only-taken = Jusqu'ici, vos relations avec { $names } vont dans un seul sens, vers vous : trouvez une façon de rendre la pareille, par exemple une mise en contact, un article ou un remerciement accompagné de résultats
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
when-today = aujourd'hui
when-by = d'ici le { $date }
when-last-done = fait pour la dernière fois le { $date }
action-check-in = Faire un suivi auprès de { $name }
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
prep-short-step-by = Votre prochaine étape : { $step } (d'ici le { $date })
prep-short-news = Nouvelle à annoncer : { $win }
prep-short-ask = À demander : { $question }

# Le calendrier des suivis (followups.ics).
calendar-last-contact = Dernier contact : { $date }. Vous aviez prévu de reprendre contact tous les { $days } jours.
calendar-was-due = Le suivi était prévu le { $date }.
calendar-next-step = Prochaine étape : { $step }

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
timeline-done = { $done }/{ $total } faites
timeline-phase-dates = { $phase } : du { $start } au { $end }, { $progress }
timeline-all-year = { $phase } (toute l'année), { $progress }
timeline-today = Aujourd'hui, { $day } { $month }
timeline-legend-contact = Échange
timeline-legend-gave = Vous avez aidé
timeline-legend-checkin = Suivi
timeline-legend-overdue = Suivi en retard
timeline-legend-today = Aujourd'hui
timeline-event = { $date } — { $name } : { $label }
timeline-event-gave = vous avez aidé
timeline-event-overdue = en retard
timeline-desc-phases =
    { $count ->
        [one] { $count } phase.
       *[other] { $count } phases.
    }
timeline-desc-current = Aujourd'hui, le { $date }, tombe dans la phase « { $phase } » ({ $done } tâches faites sur { $total }).
timeline-desc-marks =
    { $contacts } { $contacts ->
        [one] échange noté
       *[other] échanges notés
    } (dont { $gave } où vous avez aidé). { $upcoming } { $upcoming ->
        [one] suivi à venir
       *[other] suivis à venir
    }; { $overdue } en retard.

# Notes dans un brouillon quand {win} n'a rien à dire ; $name est le prénom de la personne.
draft-note-all-heard = rien de neuf pour { $name } : cette personne connaît toutes les réalisations de votre dossier
draft-note-no-wins = votre plus récent résultat : votre dossier de réalisations est encore vide
draft-note-win-first = ajoutez d'abord votre prochain résultat à votre dossier de réalisations

# Le rapport d'une cohorte.
page-cohort-report = Rapport de la cohorte
cohort-chart-title = Membres par phase du plan aujourd'hui
cohort-chart-no-plan = Plan pas encore commencé

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
print-prepared-for = Préparé pour
print-you = Vous
print-cover-personal = Votre exemplaire personnel : il nomme les personnes avec qui vous travaillez. À ne pas publier.
print-name = Nom
print-role-and-organization = Poste et organisation
print-started-on = Commencé le

# Dans les chapitres : éléments des listes de contrôle, renvois vers l'endroit
# où un élément est défini, images qui n'ont pas pu être imprimées.
print-task-done = fait le
print-due-again = à refaire; fait pour la dernière fois le
print-also-in = aussi dans
print-picture-not-printed = Image non imprimée

# Les canaux, comme étiquette (« Canal : courriel ») et comme façon d'envoyer
# un message (« par courriel »).
print-channel-linkedin = LinkedIn
print-channel-email = courriel
print-channel-conference = conférence
print-channel-in-person = en personne
print-channel-video = appel vidéo
print-channel-phone = téléphone
print-channel-slack = Slack
print-channel-teams = Teams
print-by-channel = par
print-by-channel-linkedin = par LinkedIn
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
print-meta-drafts = Les ébauches destinées à chaque personne à qui ce modèle convient, remplies à partir de vos notes, se trouvent dans la partie
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
print-yours-personal = Vos pages à vous : où vous en êtes, les personnes que vous suivez et les ébauches qui vous attendent.
print-yours-public = Vos pages à vous : votre progression dans les listes de contrôle et le plan sur 12 mois.
print-yours-blank = Des formulaires à remplir à la main : les personnes que vous suivez, l’historique de vos échanges et vos prochaines étapes.
# « Ces pages sont imprimées … en date du 24 novembre 2026. Elles présentent
# 7 personnes et les ébauches qui conviennent à chacune. »
print-printed-from = Ces pages sont imprimées à partir des données de votre cahier
print-they-show = Elles présentent
print-people-one = personne
print-people-other = personnes
print-they-show-end = et les ébauches qui conviennent à chacune.
# « Utilisez ces pages … Commencez par » *À propos de vous* « , inscrivez … »
print-blank-intro = Utilisez ces pages en parallèle avec les chapitres. Commencez par
print-blank-intro-end = , inscrivez chaque personne dans le suivi des relations, photocopiez une fiche pour chacune et revenez-y une fois par mois.

# Vue d'ensemble : « Où en est votre réseau en date du 24 novembre 2026. »
print-glance = Vue d’ensemble
print-glance-network = Où en est votre réseau
print-glance-you = Où vous en êtes
# « 12 sur 91 cases cochées dans les listes de contrôle »
print-checklist-items-done = cases cochées dans les listes de contrôle
print-mentors-and-sponsors = Mentorat et parrainage
print-recommended = Recommandation
print-next-actions = Prochaines actions
print-plan = Votre plan sur 12 mois
print-phase = Phase
print-dates = Dates
print-phase-done = Progression
print-now = en cours
print-timeline = Échéancier

# Le suivi des relations et les pages de chaque personne. « en retard de
# 30 jours » : print-overdue-before, le nombre, puis print-overdue-one ou -other.
print-tracker = Suivi des relations
print-tracker-description = Toutes les personnes avec qui vous bâtissez une relation, et la suite des choses.
print-tracker-empty = Personne pour l’instant. Ajoutez des personnes dans data/relationships.yaml, ou utilisez le tableau vierge ci-dessous.
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
# « tous les 30 jours »
print-every = tous les
print-days = jours
print-email = Courriel
print-links = Liens
print-notes = Notes
print-history = Historique
print-date = Date
print-kind = Type
print-what-happened = Ce qui s’est passé
print-gave-back = Vous avez aidé
print-drafts = Ébauches
# « Les modèles de messages qui conviennent à » Colette « en ce moment, … »
print-drafts-intro = Les modèles de messages qui conviennent à
print-drafts-intro-end = en ce moment, remplis à partir de vos notes. Remplissez les champs vides et reformulez-les à votre façon.
print-draft = Ébauche
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
print-blank-count-how = Inscrivez le nombre de personnes à chaque étape. Visez deux ou trois relations de mentorat actives et au moins une relation de parrainage active.
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
