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

# Les régions du Canada, telles qu'un profil les nomme.
region-atlantic = Canada atlantique
region-quebec = Québec
region-ontario = Ontario
region-prairies = Prairies
region-british-columbia = Colombie-Britannique
region-north = Nord
region-outside-canada = hors du Canada
